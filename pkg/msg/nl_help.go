package msg

// nlHelp is the Dutch of the command help: each command's Short, Long and
// Example, each flag's usage, and the headings cobra and pflag would
// print. The placeholders of the usage lines (FORM, AMOUNT, VARIANT, FILE)
// stay as cobra shows them; the examples use Dutch names where mgcalc
// accepts them (citraat, glycinaat, slapen, gevoelig).
func nlHelp() map[string]string {
	return map[string]string{
		"For plan: medicines you take, comma separated, for their spacing.":                                              "Voor plan: geneesmiddelen die u gebruikt, gescheiden door komma's, voor de tijd ertussen.",
		"For plan: the times of the morning and evening intakes in --ics calendars,\nand whether they carry a reminder.": "Voor plan: de tijden van de inname 's ochtends en 's avonds in --ics-agenda's,\nen of ze een herinnering krijgen.",
		"For plan: your gut (normal or sensitive), your kidneys (normal or impaired;\nimpaired refuses every plan), your eGFR in mL/min, and conditions that rule\nmagnesium out (heart-block, bradycardia, myasthenia-gravis: plans are then\nrefused). Set them only if they are true for you.": "Voor plan: uw darmen (normal of sensitive), uw nieren (normal of impaired;\nimpaired weigert elk plan), uw eGFR in mL/min, en aandoeningen die magnesium\nuitsluiten (heart-block, bradycardia, myasthenia-gravis: plannen worden dan\ngeweigerd). Zet ze alleen als ze voor u gelden.",
		"Language of what a person reads: en or nl (machine output never changes).": "Taal van wat een mens leest: en of nl (machine-uitvoer verandert nooit).",
		// usage headings (pkg/cli/help.go)
		"Usage:":                  "Gebruik:",
		"[flags]":                 "[opties]",
		"[command]":               "[opdracht]",
		"Aliases:":                "Aliassen:",
		"Examples:":               "Voorbeelden:",
		"Available Commands:":     "Beschikbare opdrachten:",
		"Flags:":                  "Opties:",
		"Global Flags:":           "Globale opties:",
		"Additional help topics:": "Aanvullende hulponderwerpen:",
		"Use \"%s [command] --help\" for more information about a command.": "Gebruik \"%s [opdracht] --help\" voor meer informatie over een opdracht.",
		"help for %s":   "hulp bij %s",
		" (default %q)": " (standaard %q)",
		" (default %s)": " (standaard %s)",
		"string":        "tekst",
		"strings":       "teksten",
		"stringArray":   "tekst",
		"number":        "getal",
		"units":         "aantal",
		"when":          "wanneer",
		"lang":          "taal",

		// root
		"Magnesium dose and form calculator": "Rekenhulp voor magnesiumdoses en -vormen",
		`mgcalc turns the weight of a magnesium salt into the elemental magnesium it
carries (and back), computed from the molecular formula, and compares it with
the supplemental upper limit. Every number it uses has a source: see
'mgcalc forms show FORM'.

mgcalc informs; it does not diagnose. With kidney disease, interacting
medicines, for children, in pregnancy or above the upper limit, see a doctor.

%s

Options can also come from the environment (MGCALC_OUTPUT=json) or a YAML
config file (%s) at $XDG_CONFIG_HOME/mgcalc/config.yaml; a flag
wins over the environment, which wins over the file. 'mgcalc config show'
shows every setting and where it comes from; 'mgcalc config init' writes a
commented starter file.

Text output is coloured on a terminal (--color auto); NO_COLOR, CLICOLOR=0
or TERM=dumb turn colour off, CLICOLOR_FORCE=1 turns it on when piped, and
--color always or never overrides them all. Machine formats are never
coloured.

Text is printed in English or Dutch: --lang en or nl (or MGCALC_LANG, or
lang: in the config file), else the locale (LC_ALL, LC_MESSAGES, LANG:
nl_NL.UTF-8 is Dutch), else English. Machine formats are the same in every
language. Amounts are typed with a decimal point in both languages (1.5g);
a decimal comma is refused with a hint, and "1.830 mg" as ambiguous.`: `mgcalc rekent het gewicht van een magnesiumzout om naar het elementair
magnesium dat erin zit (en terug), berekend uit de molecuulformule, en
vergelijkt dat met de bovengrens voor supplementen. Elk getal dat mgcalc
gebruikt heeft een bron: zie 'mgcalc forms show VORM'.

mgcalc informeert; het stelt geen diagnose. Bij een nierziekte, bij
geneesmiddelen die met magnesium op elkaar inwerken, voor kinderen, in de
zwangerschap of boven de bovengrens: raadpleeg een arts.

%s

Opties kunnen ook uit de omgeving komen (MGCALC_OUTPUT=json) of uit een
YAML-configuratiebestand (%s) in $XDG_CONFIG_HOME/mgcalc/config.yaml; een
optie op de opdrachtregel gaat voor de omgeving, en de omgeving voor het
bestand. 'mgcalc config show' toont elke instelling en waar die vandaan komt;
'mgcalc config init' schrijft een startbestand met uitleg.

Tekstuitvoer is gekleurd op een terminal (--color auto); NO_COLOR, CLICOLOR=0
of TERM=dumb zetten kleur uit, CLICOLOR_FORCE=1 zet kleur aan als de uitvoer
wordt doorgesluisd, en --color always of never gaat boven alles.
Machineformaten zijn nooit gekleurd.

Tekst verschijnt in het Engels of het Nederlands: --lang en of nl (of
MGCALC_LANG, of lang: in het configuratiebestand), anders volgens de locale
(LC_ALL, LC_MESSAGES, LANG: nl_NL.UTF-8 is Nederlands), anders Engels.
Machineformaten zijn in elke taal gelijk. Hoeveelheden typt u in beide talen
met een decimale punt (1.5g); een decimale komma wordt geweigerd met een tip,
en "1.830 mg" als dubbelzinnig.`,
		`  mgcalc elemental citrate 500
  mgcalc elemental chloride:anhydrous 1g -o value
  mgcalc compound bisglycinate 200
  mgcalc forms
  mgcalc forms show citrate
  mgcalc total citrate:500 bisglycinate:1000 oxide:250mg
  mgcalc limits --age 6
  mgcalc plan --goal sleep --gut sensitive
  mgcalc elemental acetate 500 --table acetate.yaml
  mgcalc config show`: `  mgcalc elemental citraat 500
  mgcalc elemental chloride:anhydrous 1g -o value
  mgcalc compound bisglycinaat 200
  mgcalc forms
  mgcalc forms show citraat
  mgcalc total citraat:500 bisglycinaat:1000 oxide:250mg
  mgcalc limits --age 6
  mgcalc plan --goal slapen --gut gevoelig
  mgcalc elemental acetate 500 --table acetaat.yaml
  mgcalc config show`,
		`Exit status:
  0  success
  1  error: a file that cannot be read or is broken, or an internal error
  2  usage error (bad flag, argument, form name or amount)
  3  total: the supplemental total is above the applicable upper limit
  4  plan: refused for safety (kidneys, heart block, a child, a dose above the limit)`: `Afsluitstatus:
  0  gelukt
  1  fout: een bestand dat niet te lezen of beschadigd is, of een interne fout
  2  gebruiksfout (verkeerde optie, argument, vormnaam of hoeveelheid)
  3  total: het totaal uit supplementen ligt boven de geldende bovengrens
  4  plan: geweigerd voor de veiligheid (nieren, hartblok, een kind, een dosis boven de grens)`,
		"print mgcalc's version and exit":             "toon de versie van mgcalc en stop",
		"output format: %s":                           "uitvoerformaat: %s",
		"output format: %s; for a stream of rows: %s": "uitvoerformaat: %s; voor een stroom regels: %s",
		"read the form table from this YAML `file` (the schema of data/forms.yaml) instead of the built-in one": "lees de vormentabel uit dit YAML-`bestand` (het schema van data/forms.yaml) in plaats van de ingebouwde",
		"config `file` (default $XDG_CONFIG_HOME/mgcalc/config.yaml)":                                           "configuratie`bestand` (standaard $XDG_CONFIG_HOME/mgcalc/config.yaml)",
		"colour in text output: auto, always or never":                                                          "kleur in tekstuitvoer: auto, always of never",
		"language of the text output: en or nl (default: from LC_ALL, LC_MESSAGES or LANG)":                     "taal van de tekstuitvoer: en of nl (standaard: volgens LC_ALL, LC_MESSAGES of LANG)",

		// help
		"Help about any command": "Hulp bij elke opdracht",
		`Help for any command: 'mgcalc help total' is 'mgcalc total --help'.

Exit status: 0 with the help; 2 for a command mgcalc does not have.`: `Hulp bij elke opdracht: 'mgcalc help total' is hetzelfde als 'mgcalc total --help'.

Afsluitstatus: 0 met de hulptekst; 2 voor een opdracht die mgcalc niet kent.`,
		`  mgcalc help
  mgcalc help plan`: `  mgcalc help
  mgcalc help plan`,

		// elemental, compound
		"Elemental magnesium in an amount of a magnesium compound": "Elementair magnesium in een hoeveelheid van een magnesiumverbinding",
		`Elemental magnesium in AMOUNT of a magnesium compound, computed from the
variant's molecular formula and IUPAC atomic weights, and its share of the
supplemental upper limit.

FORM is a form name or alias in any case, with or without "magnesium"
(citrate, glycinate, magnesiumcitraat), or a molecular formula (MgCl2,
MgSO4·7H2O), which selects exactly that variant; add :VARIANT for a hydrate
or salt other than the default (citrate:nonahydrate). 'mgcalc forms' lists
them. AMOUNT is the weight of the compound: 500, 500mg, "500 mg", 0.5g or
250mcg; a bare number is milligrams. Decimals are written with a point in
every language: a decimal comma (0,5g) is refused, and "1.830 mg" as
ambiguous (1.83 or 1830 mg?).

--assay replaces the formula's Mg share with a raw material's stated
percentage; a label's stated elemental amount beats both, so use it when the
label gives one.

-o value prints the elemental mg with one decimal, rounded once from the
exact result (the same digits as the text).

Batch: '-' as FORM reads one product a line from stdin ("citrate 500",
"citrate:500" or "magnesium citrate 500 mg"; blank lines and # comments
skipped), --csv FILE reads CSV with a header (--columns maps form, amount
and an optional unit column). One row out per product, as it is converted:
TSV when piped (the default), text on a terminal, or -o csv, -o jsonl (JSON
Lines). The person's cautions are printed once on stderr. A bad line stops
the stream, after the rows before it; --keep-going reports every bad line
and converts the rest.

Exit status: 0 converted (above the upper limit too: only 'total' exits 3);
1 for a file that cannot be read or is broken (config file, --csv file) or,
in a batch, a bad line (with --keep-going, at the end, after the good
lines); 2 for bad arguments (an unknown form, a bad amount or flag).`: `Elementair magnesium in AMOUNT (een hoeveelheid) van een magnesiumverbinding,
berekend uit de molecuulformule van de variant en de IUPAC-atoommassa's, en
welk deel van de bovengrens voor supplementen dat is.

FORM is een vormnaam of alias, in hoofd- of kleine letters, met of zonder
"magnesium" (citraat, glycinaat, magnesiumcitraat), of een molecuulformule
(MgCl2, MgSO4·7H2O), die precies die variant kiest; voeg :VARIANT toe voor
een ander hydraat of zout dan het standaardhydraat (citrate:nonahydrate).
'mgcalc forms' geeft de lijst. AMOUNT is het gewicht van de verbinding: 500,
500mg, "500 mg", 0.5g of 250mcg; een kaal getal is in milligram. Schrijf
decimalen met een punt: een decimale komma (0,5g) wordt geweigerd, en
"1.830 mg" als dubbelzinnig (1,83 of 1830 mg?).

--assay vervangt het Mg-aandeel uit de formule door het opgegeven
magnesiumgehalte van een grondstof; de hoeveelheid elementair magnesium die
het etiket noemt gaat boven beide, dus gebruik die als het etiket haar geeft.

-o value toont het elementair magnesium in mg met één decimaal, één keer
afgerond uit het exacte resultaat (dezelfde cijfers als de tekst).

Batch: '-' als FORM leest één product per regel van stdin ("citrate 500",
"citraat:500" of "magnesiumcitraat 500 mg"; lege regels en #-commentaar worden
overgeslagen), --csv BESTAND leest CSV met een kopregel (--columns wijst de
kolommen form, amount en eventueel unit aan). Per product één regel uitvoer,
zodra het is omgerekend: TSV bij doorsluizen (de standaard), tekst op een
terminal, of -o csv, -o jsonl (JSON Lines). De waarschuwingen voor de persoon
verschijnen één keer op stderr. Een foute regel stopt de stroom, na de regels
ervoor; --keep-going meldt elke foute regel en rekent de rest om.

Afsluitstatus: 0 omgerekend (ook boven de bovengrens: alleen 'total' stopt
met 3); 1 voor een bestand dat niet te lezen of beschadigd is
(configuratiebestand, --csv-bestand) of, in een batch, een foute regel (met
--keep-going aan het eind, na de goede regels); 2 voor verkeerde argumenten
(een onbekende vorm, een verkeerde hoeveelheid of optie).`,
		`  mgcalc elemental citrate 500
  printf 'citrate 500\noxide 400\n' | mgcalc elemental -
  mgcalc elemental --csv products.csv --columns form=Form,amount=Amount,unit=Unit -o csv
  mgcalc elemental magnesium-bisglycinate 1g --count 2
  mgcalc elemental citrate 500 --assay 14.5
  mgcalc elemental MgCl2 1g -o value
  mgcalc elemental oxide 400 --age 6 --authority efsa`: `  mgcalc elemental citraat 500
  printf 'citraat 500\noxide 400\n' | mgcalc elemental -
  mgcalc elemental --csv producten.csv --columns form=Vorm,amount=Hoeveelheid,unit=Eenheid -o csv
  mgcalc elemental magnesiumbisglycinaat 1g --count 2
  mgcalc elemental citraat 500 --assay 14.5
  mgcalc elemental MgCl2 1g -o value
  mgcalc elemental oxide 400 --age 6 --authority efsa`,
		"convert every row of this CSV `file` (- for stdin)":                                   "reken elke rij van dit CSV-`bestand` om (- voor stdin)",
		"CSV columns as form=COL,amount=COL[,unit=COL] (default form, amount)":                 "CSV-kolommen als form=KOLOM,amount=KOLOM[,unit=KOLOM] (standaard form, amount)",
		"unit of elemental magnesium shown: mg, mmol or meq (amounts accept mmol and mEq too)": "eenheid voor het getoonde elementair magnesium: mg, mmol of meq (hoeveelheden mogen ook in mmol en mEq)",
		"in a batch, report every bad line and convert the rest (exit 1 at the end)":           "meld in een batch elke foute regel en reken de rest om (aan het eind afsluitstatus 1)",
		"the raw material's stated Mg `percent`, replacing the formula's share":                "het opgegeven Mg-gehalte van de grondstof in `procent`, in plaats van het aandeel uit de formule",
		"number of capsules or servings of AMOUNT each (halves allowed, at most 100)":          "aantal capsules of porties van elk AMOUNT (halve toegestaan, hoogstens 100)",
		"Compound needed for an amount of elemental magnesium":                                 "Benodigde verbinding voor een hoeveelheid elementair magnesium",
		`The reverse of 'elemental': how much of a magnesium compound carries
ELEMENTAL mg of magnesium, from the variant's molecular formula (or --assay).

-o value prints the compound mg with one decimal, rounded once from the
exact result. '-' as FORM (or --csv FILE) converts a stream, as 'elemental'
does.

Exit status: 0 converted; 1 for a file that cannot be read or is broken
(config file, --csv file) or, in a batch, a bad line; 2 for bad arguments
(an unknown form, a bad ELEMENTAL amount or flag).`: `Het omgekeerde van 'elemental': hoeveel van een magnesiumverbinding ELEMENTAL
mg magnesium bevat, uit de molecuulformule van de variant (of --assay).

-o value toont de verbinding in mg met één decimaal, één keer afgerond uit
het exacte resultaat. '-' als FORM (of --csv BESTAND) rekent een stroom om,
zoals 'elemental' doet.

Afsluitstatus: 0 omgerekend; 1 voor een bestand dat niet te lezen of
beschadigd is (configuratiebestand, --csv-bestand) of, in een batch, een
foute regel; 2 voor verkeerde argumenten (een onbekende vorm, een verkeerde
ELEMENTAL-hoeveelheid of optie).`,
		`  mgcalc compound bisglycinate 200
  mgcalc compound citrate:nonahydrate 150mg -o value
  mgcalc compound citrate 100 --assay 14.5
  mgcalc compound - < targets.txt`: `  mgcalc compound bisglycinaat 200
  mgcalc compound citraat:nonahydrate 150mg -o value
  mgcalc compound citraat 100 --assay 14.5
  mgcalc compound - < doelen.txt`,

		// person flags
		"upper-limit authority: nih (US IOM/NIH), efsa (EU SCF/EFSA) or evm (UK EVM)": "instantie van de bovengrens: nih (VS IOM/NIH), efsa (EU SCF/EFSA) of evm (VK EVM)",
		"age in years; fractions allowed (0.5 is six months) (default adult)":         "leeftijd in jaren; breuken toegestaan (0.5 is zes maanden) (standaard volwassen)",
		"male or female (selects the RDA/AI column)":                                  "man of vrouw (male of female; kiest de kolom van de RDA/AI)",
		"use the pregnancy values":                                                    "gebruik de waarden voor de zwangerschap (ook: --zwanger)",
		"use the lactation values":                                                    "gebruik de waarden voor de borstvoedingsperiode (ook: --borstvoeding)",

		// forms
		"List magnesium forms and variants with formula, molar mass and %% Mg": "Lijst van magnesiumvormen en -varianten met formule, molmassa en %% Mg",
		`Every form and variant in mgcalc's table, with its molecular formula, molar
mass and magnesium share, computed from IUPAC atomic weights, and how the
sources rate it for the gut. The default variant (the one sold as a
supplement) is marked; name another as FORM:VARIANT.

Exit status: 0, 1 for a broken config file, 2 for bad arguments (-o value
has no single number here).`: `Elke vorm en variant in de tabel van mgcalc, met molecuulformule, molmassa
en magnesiumaandeel, berekend uit de IUPAC-atoommassa's, en hoe de bronnen
de vorm beoordelen voor de darmen. De standaardvariant (die als supplement
wordt verkocht) is gemarkeerd; kies een andere als VORM:VARIANT.

Afsluitstatus: 0, 1 voor een beschadigd configuratiebestand, 2 voor
verkeerde argumenten (-o value heeft hier geen enkel getal).`,
		`  mgcalc forms
  mgcalc forms -o json | jq '.[] | select(.default) | {form, fraction}'
  mgcalc forms show citrate`: `  mgcalc forms
  mgcalc forms -o json | jq '.[] | select(.default) | {form, fraction}'
  mgcalc forms show citraat`,
		"One form in full: variants, gut tolerance, typical uses, sources": "Eén vorm volledig: varianten, verdraagbaarheid voor de darmen, gebruikelijke toepassingen, bronnen",
		`One form in full: each variant's formula, molar mass and Mg share, the gut
tolerance and typical uses the sources give, raw-material assay ranges, label
cross-checks (a real label's stated amount beside the computed one) and every
source with its address.

-o value prints the Mg fraction (0-1) of the variant named as FORM:VARIANT,
or of the default one.

Exit status: 0, 1 for a broken config file, 2 for an unknown form or bad
arguments.`: `Eén vorm volledig: per variant de formule, molmassa en het Mg-aandeel, de
verdraagbaarheid voor de darmen en de gebruikelijke toepassingen volgens de
bronnen, de gehaltebereiken van de grondstof, controles van etiketten (de
hoeveelheid op een echt etiket naast de berekende) en elke bron met haar
adres.

-o value toont de Mg-fractie (0-1) van de variant die als VORM:VARIANT is
genoemd, of van de standaardvariant.

Afsluitstatus: 0, 1 voor een beschadigd configuratiebestand, 2 voor een
onbekende vorm of verkeerde argumenten.`,
		`  mgcalc forms show citrate
  mgcalc forms show glycinaat -o json`: `  mgcalc forms show citraat
  mgcalc forms show glycinaat -o json`,

		// total
		"Add up every product someone takes and compare with the upper limit": "Tel alle producten op die iemand neemt en vergelijk met de bovengrens",
		`The elemental magnesium of every product someone takes, added up and compared
with the supplemental upper limit for the person (see 'mgcalc limits'). The
limit applies to the total across all products, not to each one.

Give products on the command line as FORM[:VARIANT]:AMOUNT (citrate:500,
chloride:anhydrous:1g), with xN for N units a day (citrate:500x2), in stack
files with --stack (repeat it for several files: all are added), or both. A
stack file is a YAML list of products:

  - name: Calm Night          # optional
    form: bisglycinate        # FORM or FORM:VARIANT
    amount: 500 mg            # compound per capsule/scoop
    per_day: 2                # units a day (default 1)
  - name: Buffered glycinate
    form: bisglycinate
    elemental: 100 mg         # the label's Mg per unit: wins over the formula
  - form: citrate
    amount: 1 g
    assay: 14.5               # the raw material's Mg %%, replaces the formula
  - name: Magnesium oil spray
    form: chloride
    amount: 100 mg            # the label's magnesium chloride per spray
    route: skin               # shown, not counted towards the oral limit

The total is the sum of the exact (unrounded) amounts. It is over the limit
when it exceeds it by more than 0.005 mg, that is when it is above the limit
at 0.01 mg; where that is less than the shown precision, the text shows the
digits that explain the verdict.

--diet MG adds magnesium from food and water and compares the total intake
with the chosen authority's intake reference (EFSA AI for efsa, US RDA/AI for
nih; the UK EVM sets none, so the US values stand in, and mgcalc says so);
it never counts towards the upper limit, which covers supplements and
medicines only. Use --stack - to read a list from stdin. --csv FILE reads the products as
CSV: a header row of the stack fields (form, amount, per_day, elemental,
assay, route, name), one product a row, empty cells left out.

Exit status: 0 at or under the upper limit (or where none is set), 3 above
it, 1 for a stack or CSV file that cannot be read or is broken, 2 for bad
arguments. -o value prints the supplemental total in mg.`: `Het elementair magnesium van alle producten die iemand neemt, opgeteld en
vergeleken met de bovengrens voor supplementen voor die persoon (zie 'mgcalc
limits'). De grens geldt voor het totaal van alle producten, niet voor elk
product apart.

Geef producten op de opdrachtregel als VORM[:VARIANT]:HOEVEELHEID
(citraat:500, chloride:anhydrous:1g), met xN voor N eenheden per dag
(citraat:500x2), in stackbestanden met --stack (herhaal de optie voor meer
bestanden: alles wordt opgeteld), of allebei. Een stackbestand is een
YAML-lijst van producten (de veldnamen blijven Engels):

  - name: Rustige nacht       # optioneel
    form: bisglycinaat        # VORM of VORM:VARIANT
    amount: 500 mg            # verbinding per capsule/schepje
    per_day: 2                # eenheden per dag (standaard 1)
  - name: Gebufferd glycinaat
    form: bisglycinaat
    elemental: 100 mg         # Mg per eenheid volgens het etiket: gaat boven de formule
  - form: citraat
    amount: 1 g
    assay: 14.5               # Mg-%% van de grondstof, in plaats van de formule
  - name: Magnesiumolie-spray
    form: chloride
    amount: 100 mg            # magnesiumchloride per spray volgens het etiket
    route: skin               # getoond, niet meegeteld voor de grens via de mond

Het totaal is de som van de exacte (niet-afgeronde) hoeveelheden. Het ligt
boven de grens als het die met meer dan 0,005 mg overschrijdt, dus als het
op 0,01 mg nauwkeurig boven de grens ligt; waar dat kleiner is dan de
getoonde nauwkeurigheid, toont de tekst de cijfers die het oordeel verklaren.

--diet MG telt magnesium uit voeding en water mee en vergelijkt de totale
inname met de referentiewaarde voor inname van de gekozen instantie (EFSA AI
voor efsa, de Amerikaanse RDA/AI voor nih; het Britse EVM stelt er geen
vast, dus gelden dan de Amerikaanse waarden, en mgcalc meldt dat); het telt
nooit mee voor de bovengrens, die alleen over supplementen en geneesmiddelen
gaat. Gebruik --stack - om een lijst van stdin te lezen. --csv BESTAND leest
de producten als CSV: een kopregel met de velden van een stackbestand (form,
amount, per_day, elemental, assay, route, name), één product per rij, lege
cellen weggelaten.

Afsluitstatus: 0 op of onder de bovengrens (of als er geen is vastgesteld),
3 erboven, 1 voor een stack- of CSV-bestand dat niet te lezen of beschadigd
is, 2 voor verkeerde argumenten. -o value toont het totaal uit supplementen
in mg.`,
		`  mgcalc total citrate:500 bisglycinate:1000 oxide:250mg
  mgcalc total citrate:500x2 --authority efsa
  mgcalc total --stack morning.yaml --stack evening.yaml
  mgcalc total --csv stack.csv
  mgcalc total citrate:500 --diet 220 --age 40 --sex female
  mgcalc total --stack mine.yaml --headroom --with citrate:500
  mgcalc total citrate:500 --unit mmol
  mgcalc total --stack stack.yaml -o value; [ $? -eq 3 ] && echo "over the limit"`: `  mgcalc total citraat:500 bisglycinaat:1000 oxide:250mg
  mgcalc total citraat:500x2 --authority efsa
  mgcalc total --stack ochtend.yaml --stack avond.yaml
  mgcalc total --csv stack.csv
  mgcalc total citraat:500 --diet 220 --age 40 --sex vrouw
  mgcalc total --stack mijn.yaml --headroom --with citraat:500
  mgcalc total citraat:500 --unit mmol
  mgcalc total --stack stack.yaml -o value; [ $? -eq 3 ] && echo "boven de grens"`,
		"YAML `file` listing the products taken (- for stdin); repeat for several files":                       "YAML-`bestand` met de producten die iemand neemt (- voor stdin); herhaal voor meer bestanden",
		"the products as a CSV `file` with a header of stack fields (form, amount, per_day, …); repeatable":    "de producten als CSV-`bestand` met een kopregel van stackvelden (form, amount, per_day, …); herhaalbaar",
		"say how much more magnesium fits under the limit, and how many units of each product":                 "vertel hoeveel magnesium er nog onder de grens past, en hoeveel eenheden van elk product",
		"a product for --headroom as FORM[:VARIANT]:AMOUNT per unit (repeatable; default: the products given)": "een product voor --headroom als VORM[:VARIANT]:HOEVEELHEID per eenheid (herhaalbaar; standaard: de opgegeven producten)",
		"unit of elemental magnesium shown: mg, mmol or meq":                                                   "eenheid voor het getoonde elementair magnesium: mg, mmol of meq",
		"magnesium from food and water a day, e.g. 220 or 220mg (compared with the RDA/AI, not the UL)":        "magnesium uit voeding en water per dag, bijv. 220 of 220mg (vergeleken met de RDA/AI, niet met de bovengrens)",

		// limits
		"Upper limits, RDA/AI and label reference values for a person": "Bovengrenzen, RDA/AI en referentiewaarden voor etiketten voor een persoon",
		`The reference values that apply to a person: the supplemental upper limit
under each authority (US IOM/NIH, EU SCF/EFSA, UK EVM), the US RDA or AI, the
EFSA adequate intake, and the label reference values (US Daily Value, EU NRV),
each with its source.

The upper limit covers magnesium from supplements and medicines only; the
RDA/AI covers total intake from food, water and supplements. Without --age
mgcalc assumes an adult; without --sex (from age 14) the RDA is a range. Where
an authority sets no value for an age, mgcalc says so and never invents one.

-o value prints the chosen authority's upper limit in mg/day (exit 1 where
none is set).

Exit status: 0; 1 for -o value where no upper limit is set, or a broken
config file; 2 for bad arguments (an age outside 0-130, --pregnant with
--sex male, …).`: `De referentiewaarden die voor een persoon gelden: de bovengrens voor
supplementen van elke instantie (VS IOM/NIH, EU SCF/EFSA, VK EVM), de
Amerikaanse RDA of AI, de adequate inname van de EFSA, en de
referentiewaarden voor etiketten (US Daily Value, EU NRV), elk met de bron.

De bovengrens gaat alleen over magnesium uit supplementen en geneesmiddelen;
de RDA/AI over de totale inname uit voeding, water en supplementen. Zonder
--age gaat mgcalc uit van een volwassene; zonder --sex (vanaf 14 jaar) is de
RDA een bereik. Waar een instantie voor een leeftijd geen waarde vaststelt,
zegt mgcalc dat, en verzint er nooit een.

-o value toont de bovengrens van de gekozen instantie in mg/dag
(afsluitstatus 1 als er geen is vastgesteld).

Afsluitstatus: 0; 1 voor -o value als er geen bovengrens is, of voor een
beschadigd configuratiebestand; 2 voor verkeerde argumenten (een leeftijd
buiten 0-130, --pregnant met --sex male, …).`,
		`  mgcalc limits
  mgcalc limits --age 6
  mgcalc limits --age 34 --sex female --pregnant
  mgcalc limits --age 16 --sex male --authority efsa -o json`: `  mgcalc limits
  mgcalc limits --age 6
  mgcalc limits --age 34 --sex vrouw --zwanger
  mgcalc limits --age 16 --sex man --authority efsa -o json`,

		// plan
		"A form for a goal and a titration schedule that stays under the upper limit": "Een vorm voor een doel en een opbouwschema dat onder de bovengrens blijft",
		`Recommends a magnesium form for a goal (with how strong the evidence is) and
prints a titration schedule: start low, step up, split higher doses morning
and evening, never above the person's upper limit, evaluate, keep the lowest
dose that helps, step back on loose stools. 'mgcalc plan goals' lists the
goals, their forms and evidence grades.

Every rule says where its number comes from: a source, or mgcalc's own rule
where no source gives one (the step size, the dose above which to split, how
far to step back). mgcalc informs; it does not diagnose.

mgcalc refuses to print a schedule (exit 4, the reason on stderr, nothing on
stdout) with impaired kidneys (--kidney impaired, or --egfr below 30), heart
block, bradycardia or myasthenia gravis (--condition), for anyone under 18,
and for a target above the upper limit unless --supervised (then every output
says the plan is for medical supervision only). eGFR 30-60 is a warning.
In pregnancy and lactation the plan stays under the unchanged limit, with
advice to consult a midwife or doctor; L-threonate is excluded.

--meds names medicines or classes (generic, brand or Dutch names, comma
separated): each gets the spacing the sources give, a medicine that lowers
magnesium gets "talk to your doctor", and an unknown name is reported.

--start DATE prints dates; --ics FILE writes the schedule as an iCalendar
file (one daily-repeating event per step and time of day, at --morning and
--evening, and the evaluation days): written atomically, never over an
existing file without --force. --remind adds an alarm to each intake (some
calendars drop alarms).

-o md writes the plan as a one-page Markdown document with its sources, for
a doctor; -o fhir as a FHIR R4 Bundle with a MedicationRequest per step; -o
ics (or --ics -) as the calendar, on stdout in place of the plan.

Exit status: 0 a plan, 1 an error, 2 bad arguments, 4 refused for safety.`: `Raadt een magnesiumvorm aan voor een doel (met hoe sterk het bewijs is) en
toont een opbouwschema: laag beginnen, stap voor stap verhogen, hogere doses
verdelen over ochtend en avond, nooit boven de bovengrens van de persoon,
evalueren, de laagste dosis houden die helpt, terug bij dunne ontlasting.
'mgcalc plan goals' toont de doelen, hun vormen en bewijsniveaus.

Elke regel zegt waar het getal vandaan komt: een bron, of een eigen regel
van mgcalc waar geen bron er een geeft (de stapgrootte, de dosis waarboven
wordt verdeeld, hoe ver terug). mgcalc informeert; het stelt geen diagnose.

mgcalc weigert een schema (afsluitstatus 4, de reden op stderr, niets op
stdout) bij een verminderde nierfunctie (--kidney impaired of verminderd, of
--egfr onder 30), hartblok, bradycardie of myasthenia gravis (--condition),
voor iedereen onder 18, en voor een streefwaarde boven de bovengrens tenzij
--supervised (dan zegt elke uitvoer dat het plan alleen onder medisch
toezicht geldt). Een eGFR van 30-60 geeft een waarschuwing. In de
zwangerschap en bij borstvoeding blijft het plan onder de ongewijzigde grens,
met het advies een verloskundige of arts te raadplegen; L-threonaat valt af.

--meds noemt geneesmiddelen of groepen (stofnaam, merknaam of Nederlandse
naam, gescheiden door komma's): elk krijgt de tussentijd die de bronnen
geven, een geneesmiddel dat magnesium verlaagt krijgt "overleg met uw arts",
en een onbekende naam wordt gemeld.

--start DATUM toont data; --ics BESTAND schrijft het schema als
iCalendar-bestand (per stap en tijdstip een dagelijks herhaalde afspraak, op
--morning en --evening, en de evaluatiedagen): atomair geschreven, en nooit
over een bestaand bestand zonder --force. --remind voegt bij elke inname een
herinnering toe (sommige agenda's laten herinneringen weg).

-o md schrijft het plan als Markdown-document van één pagina met de bronnen,
voor een arts (in het Engels); -o fhir als FHIR R4-bundel met een
MedicationRequest per stap; -o ics (of --ics -) als de agenda, op stdout in
plaats van het plan.

Afsluitstatus: 0 een plan, 1 een fout, 2 verkeerde argumenten, 4 geweigerd
voor de veiligheid.`,
		`  mgcalc plan --goal sleep --gut sensitive
  mgcalc plan --goal constipation --capsule 250 --half
  mgcalc plan --goal migraine --authority efsa --start 2026-12-01 --ics plan.ics
  mgcalc plan --goal sleep --meds levothyroxine,doxycycline
  mgcalc plan --goal sleep -o md > plan.md
  mgcalc plan --goal migraine --target 600 --supervised
  mgcalc plan goals`: `  mgcalc plan --goal slapen --gut gevoelig
  mgcalc plan --goal stoelgang --capsule 250 --half
  mgcalc plan --goal migraine --authority efsa --start 2026-12-01 --ics plan.ics
  mgcalc plan --goal slapen --meds levothyroxine,doxycycline
  mgcalc plan --goal slapen -o md > plan.md
  mgcalc plan --goal migraine --target 600 --supervised
  mgcalc plan goals`,
		"what it is for: sleep, stress, constipation, sport, energy, heart, cognition, cramps, migraine, general": "waarvoor: slapen, ontspanning, stoelgang, sport, energie, hart, concentratie, krampen, migraine, algemeen (of de Engelse namen)",
		"normal or sensitive: a sensitive gut starts lower, steps slower and gets a gentle form":                  "normaal of gevoelig (normal, sensitive): gevoelige darmen beginnen lager, verhogen trager en krijgen een milde vorm",
		"use this FORM[:VARIANT] instead of the recommendation":                                                   "gebruik deze VORM[:VARIANT] in plaats van de aanbeveling",
		"daily elemental magnesium to reach, mg (default: the goal's, never above the upper limit)":               "te bereiken elementair magnesium per dag, in mg (standaard: die van het doel, nooit boven de bovengrens)",
		"round to whole units of this many mg of compound each":                                                   "rond af op hele eenheden van elk zoveel mg verbinding",
		"round to whole units of this many mg of magnesium each (as the label states)":                            "rond af op hele eenheden van elk zoveel mg magnesium (zoals op het etiket)",
		"allow half units (tablets that can be split)":                                                            "halve eenheden toestaan (tabletten die te breken zijn)",
		"allow a target above the upper limit, for use under medical supervision":                                 "een streefwaarde boven de bovengrens toestaan, voor gebruik onder medisch toezicht",
		"normal or impaired (impaired: refused, see a doctor)":                                                    "normaal of verminderd (normal, impaired; verminderd: geweigerd, raadpleeg een arts)",
		"kidney function, eGFR in mL/min/1.73 m² (below 30: refused; below 60: a warning)":                        "nierfunctie, eGFR in mL/min/1,73 m² (onder 30: geweigerd; onder 60: een waarschuwing)",
		"a condition that rules magnesium out: heart-block, bradycardia, myasthenia-gravis":                       "een aandoening die magnesium uitsluit: heart-block (hartblok), bradycardia (bradycardie), myasthenia-gravis",
		"medicines you take, comma separated (levothyroxine,doxycycline)":                                         "geneesmiddelen die u gebruikt, gescheiden door komma's (levothyroxine,doxycycline)",
		"first day of the plan, YYYY-MM-DD or today: prints dates":                                                "eerste dag van het plan, JJJJ-MM-DD of today: toont data",
		"write the schedule to this iCalendar `file` (- for stdout)":                                              "schrijf het schema naar dit iCalendar-`bestand` (- voor stdout)",
		"overwrite an existing --ics file":                                                                        "overschrijf een bestaand --ics-bestand",
		"add a reminder alarm to each intake in the --ics file":                                                   "voeg in het --ics-bestand bij elke inname een herinnering toe",
		"time of the morning intake in the --ics file":                                                            "tijdstip van de ochtendinname in het --ics-bestand",
		"time of the evening intake in the --ics file":                                                            "tijdstip van de avondinname in het --ics-bestand",
		"The goals, their forms and how strong the evidence for each is":                                          "De doelen, hun vormen en hoe sterk het bewijs voor elk is",
		`Every goal mgcalc plans for, with its forms best first and the evidence
grade of each: guideline, systematic review, randomised trial, practice-based,
marketing claim, no effect shown. Forms with a marketing claim or no effect
shown are listed but never recommended. -o json adds each finding and its
sources.

Exit status: 0, 1 for a broken config file, 2 for bad arguments.`: `Elk doel waarvoor mgcalc een plan maakt, met de vormen (de beste eerst) en
het bewijsniveau van elk: richtlijn, systematische review, gerandomiseerde
studie, praktijkervaring, marketingclaim, geen effect aangetoond. Vormen met
alleen een marketingclaim of zonder aangetoond effect staan in de lijst, maar
worden nooit aanbevolen. -o json voegt elke bevinding en haar bronnen toe.

Afsluitstatus: 0, 1 voor een beschadigd configuratiebestand, 2 voor
verkeerde argumenten.`,
		`  mgcalc plan goals
  mgcalc plan goals -o json | jq '.[] | {goal, best: .forms[0].form}'`: `  mgcalc plan goals
  mgcalc plan goals -o json | jq '.[] | {goal, best: .forms[0].form}'`,

		// check
		"Check a label: can this much of the compound carry the magnesium it states?": "Controleer een etiket: kan zoveel van de verbinding het genoemde magnesium bevatten?",
		`From a label's compound amount and its stated elemental magnesium, the Mg
share the label implies, and which variants (or the raw-material assay range)
it is consistent with, within 3 %% (mgcalc's tolerance: labels round, and no
source gives a number). "impossible" when it is more than any variant of the
form carries: a blend with a richer salt ("buffered" with oxide), a
mislabelled form or hydrate, or a typo. "unmatched" when it fits no variant
but is possible.

--stated takes mg, g, mcg, mmol or mEq of magnesium. '-' as FORM checks a
stream, one label a line ("glycinate 500 100", "citrate 1830 mg 295 mg":
the last amount, with its unit, is the stated one), and --csv FILE reads
CSV with form, amount and stated columns, so a catalogue is audited in
one call.

Exit status: 0 checked, whatever the verdict (read it from -o value or
JSON); 1 for a file that cannot be read or a bad line; 2 for bad arguments.`: `Uit de hoeveelheid verbinding op een etiket en het genoemde elementair
magnesium: het Mg-aandeel dat het etiket veronderstelt, en met welke
varianten (of met het gehaltebereik van de grondstof) dat klopt, binnen 3 %%
(de marge van mgcalc: etiketten ronden af, en geen bron geeft een getal).
"impossible" (onmogelijk) als het meer is dan welke variant van de vorm ook
bevat: een mengsel met een rijker zout ("gebufferd", met oxide), een verkeerd
genoemde vorm of hydraat, of een tikfout. "unmatched" (past niet) als het bij
geen variant past maar wel mogelijk is.

--stated neemt mg, g, mcg, mmol of mEq magnesium. '-' als FORM controleert
een stroom, één etiket per regel ("glycinaat 500 100", "citraat 1830 mg
295 mg": de laatste hoeveelheid, met haar eenheid, is de genoemde), en --csv BESTAND
leest CSV met de kolommen form, amount en stated, zodat een hele catalogus in
één keer wordt nagelopen.

Afsluitstatus: 0 gecontroleerd, wat het oordeel ook is (lees het uit -o value
of JSON); 1 voor een bestand dat niet te lezen is of een foute regel; 2 voor
verkeerde argumenten.`,
		`  mgcalc check glycinate 500 --stated 100
  mgcalc check citrate 1830 --stated 295.7
  mgcalc check threonate 2000 --stated 144 -o json
  mgcalc check --csv catalogue.csv -o tsv
  mgcalc check --csv shop.csv --columns form=Form,amount=Salt,stated=Mg`: `  mgcalc check glycinaat 500 --stated 100
  mgcalc check citraat 1830 --stated 295.7
  mgcalc check threonaat 2000 --stated 144 -o json
  mgcalc check --csv catalogus.csv -o tsv
  mgcalc check --csv winkel.csv --columns form=Vorm,amount=Zout,stated=Mg`,
		"the label's stated elemental magnesium per unit (mg, g, mcg, mmol or mEq)":    "het elementair magnesium per eenheid volgens het etiket (mg, g, mcg, mmol of mEq)",
		"check every row of this CSV `file` (columns form, amount, stated)":            "controleer elke rij van dit CSV-`bestand` (kolommen form, amount, stated)",
		"CSV columns as form=COL,amount=COL,stated=COL (default form, amount, stated)": "CSV-kolommen als form=KOLOM,amount=KOLOM,stated=KOLOM (standaard form, amount, stated)",

		// config
		"Show the settings in effect, or write a starter config file": "Toon de geldende instellingen, of schrijf een startconfiguratiebestand",
		`Standing settings (%s) come from a flag,
an MGCALC_* variable (MGCALC_AUTHORITY=efsa), the config file or mgcalc's
default, in that order. 'config show' lists each with its value and where it
came from; 'config init' writes a commented starter file.

The config file is $XDG_CONFIG_HOME/mgcalc/config.yaml, else
~/.config/mgcalc/config.yaml, unless --config FILE or MGCALC_CONFIG names
another (which must then exist). Its keys are long flag names.

Exit status: 0, 1 for a config file that cannot be read or is broken or a
file that cannot be written, 2 for bad arguments or a file init would
overwrite without --force.`: `Vaste instellingen (%s) komen uit een optie, een
MGCALC_*-variabele (MGCALC_AUTHORITY=efsa), het configuratiebestand of de
standaard van mgcalc, in die volgorde. 'config show' toont elke instelling
met haar waarde en herkomst; 'config init' schrijft een startbestand met
uitleg.

Het configuratiebestand is $XDG_CONFIG_HOME/mgcalc/config.yaml, anders
~/.config/mgcalc/config.yaml, tenzij --config BESTAND of MGCALC_CONFIG een
ander noemt (dat dan moet bestaan). De sleutels zijn lange optienamen.

Afsluitstatus: 0, 1 voor een configuratiebestand dat niet te lezen of
beschadigd is of een bestand dat niet te schrijven is, 2 voor verkeerde
argumenten of een bestand dat init zonder --force zou overschrijven.`,
		`  mgcalc config show
  mgcalc config show -o json
  mgcalc config init
  mgcalc config init --print`: `  mgcalc config show
  mgcalc config show -o json
  mgcalc config init
  mgcalc config init --print`,
		"Every standing setting, its value and where it comes from": "Elke vaste instelling, haar waarde en waar die vandaan komt",
		`Lists every standing setting (%s) with the
value mgcalc uses and its origin: flag (given on this command line), env
(the MGCALC_* variable named), file (the config file and line) or default.
The person flags (--authority, --age, --sex, --pregnant, --lactating) are
accepted here so you can see a flag win.

-o json carries config_file (null when there is none to read),
config_file_origin (flag, env or default), config_file_found and settings:
a list of {name, value (as text; null when not set), origin, source (the
variable or file; null for flag and default), line (null but for file)}.

Exit status: 0, 1 for a config file that cannot be read or is broken, 2 for
a bad flag or MGCALC_* value.`: `Toont elke vaste instelling (%s) met de waarde
die mgcalc gebruikt en de herkomst: flag (op deze opdrachtregel gegeven), env
(de genoemde MGCALC_*-variabele), file (het configuratiebestand en de regel)
of default (standaard). De persoonsopties (--authority, --age, --sex,
--pregnant, --lactating) mogen hier ook, zodat u een optie kunt zien winnen.

-o json bevat config_file (null als er geen te lezen is), config_file_origin
(flag, env of default), config_file_found en settings: een lijst van {name,
value (als tekst; null als niet ingesteld), origin, source (de variabele of
het bestand; null voor flag en default), line (null behalve voor file)}.

Afsluitstatus: 0, 1 voor een configuratiebestand dat niet te lezen of
beschadigd is, 2 voor een verkeerde optie of MGCALC_*-waarde.`,
		`  mgcalc config show
  MGCALC_AUTHORITY=efsa mgcalc config show --age 40
  mgcalc config show -o json | jq -r '.settings[] | select(.origin != "default") | .name'`: `  mgcalc config show
  MGCALC_AUTHORITY=efsa mgcalc config show --age 40
  mgcalc config show -o json | jq -r '.settings[] | select(.origin != "default") | .name'`,
		"Write a commented starter config file": "Schrijf een startconfiguratiebestand met uitleg",
		`Writes a starter config file that explains every standing setting, each
commented out: uncomment what you want, then check with 'mgcalc config show'.

It goes where mgcalc reads it: PATH if given, else --config FILE or
MGCALC_CONFIG, else $XDG_CONFIG_HOME/mgcalc/config.yaml, else
~/.config/mgcalc/config.yaml. The directory is created; the file is written
atomically (a temporary file renamed into place) and never over an existing
file without --force. init does not read the existing file, so --force can
replace a broken one. It prints the path it wrote. --print (or PATH -)
writes the starter to stdout instead.

Exit status: 0 written, 1 the file cannot be written, 2 the file exists
(give --force) or bad arguments.`: `Schrijft een startconfiguratiebestand dat elke vaste instelling uitlegt, elk
als commentaar: haal het commentaarteken weg bij wat u wilt, en controleer
daarna met 'mgcalc config show'.

Het bestand komt waar mgcalc het leest: PATH als dat is gegeven, anders
--config BESTAND of MGCALC_CONFIG, anders $XDG_CONFIG_HOME/mgcalc/config.yaml,
anders ~/.config/mgcalc/config.yaml. De map wordt aangemaakt; het bestand
wordt atomair geschreven (een tijdelijk bestand dat op zijn plaats wordt
hernoemd) en nooit over een bestaand bestand zonder --force. init leest het
bestaande bestand niet, dus --force kan een beschadigd bestand vervangen. De
opdracht toont het pad dat is geschreven. --print (of PATH -) schrijft het
startbestand in plaats daarvan naar stdout.

Afsluitstatus: 0 geschreven, 1 het bestand kan niet worden geschreven, 2 het
bestand bestaat al (geef --force) of verkeerde argumenten.`,
		`  mgcalc config init
  mgcalc config init --force
  mgcalc config init --print > my-config.yaml
  mgcalc config init ./project.yaml && mgcalc config show --config ./project.yaml`: `  mgcalc config init
  mgcalc config init --force
  mgcalc config init --print > mijn-config.yaml
  mgcalc config init ./project.yaml && mgcalc config show --config ./project.yaml`,
		"replace an existing config file":          "vervang een bestaand configuratiebestand",
		"write the starter file to stdout instead": "schrijf het startbestand in plaats daarvan naar stdout",

		// version
		"Print mgcalc's version, VCS revision and Go version": "Toon de versie van mgcalc, de VCS-revisie en de Go-versie",
		`The module version, and when the binary was built from a VCS checkout with
-buildvcs=true, the revision (-dirty when the work tree had changes) and its
commit date, then the Go version and platform it was built with. A binary
built without version information says "dev". 'mgcalc --version' prints the
same line.

-o json carries version, revision (the full hash), time (RFC 3339),
modified (revision, time and modified are null when not stamped), go, os
and arch; -o value prints the module version.

Exit status: 0, or 1 for a broken config file, 2 for bad arguments.`: `De moduleversie, en als het programma met -buildvcs=true uit een
VCS-checkout is gebouwd, de revisie (-dirty als de werkmap wijzigingen had)
en de commitdatum, dan de Go-versie en het platform waarmee het is gebouwd.
Een programma zonder versie-informatie zegt "dev". 'mgcalc --version' toont
dezelfde regel.

-o json bevat version, revision (de volledige hash), time (RFC 3339),
modified (revision, time en modified zijn null als ze niet zijn ingevuld), go,
os en arch; -o value toont de moduleversie.

Afsluitstatus: 0, of 1 voor een beschadigd configuratiebestand, 2 voor
verkeerde argumenten.`,
		`  mgcalc version
  mgcalc --version
  mgcalc version -o json | jq -r .revision`: `  mgcalc version
  mgcalc --version
  mgcalc version -o json | jq -r .revision`,

		// completion
		"Print the shell completion script for bash, zsh, fish or PowerShell": "Toon het aanvulscript voor bash, zsh, fish of PowerShell",
		`Prints a script that makes the shell complete mgcalc's commands, flags and
values: form names and variants (cit, then Tab, offers citrate,
citrate:nonahydrate, …), authorities, goals, output formats, and file names
for --stack, --csv, --config and --ics. Install it once:

bash (needs the bash-completion package):
  mgcalc completion bash > ~/.local/share/bash-completion/completions/mgcalc
  # or, for every user: mgcalc completion bash > /etc/bash_completion.d/mgcalc
  # or, this shell only: source <(mgcalc completion bash)

zsh (compinit must be enabled: autoload -U compinit; compinit in ~/.zshrc):
  mgcalc completion zsh > "${fpath[1]}/_mgcalc"

fish:
  mgcalc completion fish > ~/.config/fish/completions/mgcalc.fish

PowerShell (add this line to $PROFILE to keep it):
  mgcalc completion powershell | Out-String | Invoke-Expression

Start a new shell afterwards. Completion asks mgcalc itself for the
choices, so it stays right when mgcalc is updated.

Exit status: 0, 1 for a broken config file, 2 for a shell mgcalc does not
know.`: `Toont een script waarmee de shell opdrachten, opties en waarden van mgcalc
aanvult: vormnamen en varianten (cit en dan Tab biedt citrate,
citrate:nonahydrate, …), instanties, doelen, uitvoerformaten, en
bestandsnamen voor --stack, --csv, --config en --ics. Eén keer installeren:

bash (heeft het pakket bash-completion nodig):
  mgcalc completion bash > ~/.local/share/bash-completion/completions/mgcalc
  # of, voor alle gebruikers: mgcalc completion bash > /etc/bash_completion.d/mgcalc
  # of, alleen voor deze shell: source <(mgcalc completion bash)

zsh (compinit moet aan staan: autoload -U compinit; compinit in ~/.zshrc):
  mgcalc completion zsh > "${fpath[1]}/_mgcalc"

fish:
  mgcalc completion fish > ~/.config/fish/completions/mgcalc.fish

PowerShell (zet deze regel in $PROFILE om hem te bewaren):
  mgcalc completion powershell | Out-String | Invoke-Expression

Start daarna een nieuwe shell. De aanvulling vraagt de keuzes aan mgcalc
zelf, dus ze blijft kloppen als mgcalc wordt bijgewerkt.

Afsluitstatus: 0, 1 voor een beschadigd configuratiebestand, 2 voor een
shell die mgcalc niet kent.`,
		`  mgcalc completion bash > ~/.local/share/bash-completion/completions/mgcalc
  mgcalc completion zsh > "${fpath[1]}/_mgcalc"
  mgcalc completion fish > ~/.config/fish/completions/mgcalc.fish
  source <(mgcalc completion bash)`: `  mgcalc completion bash > ~/.local/share/bash-completion/completions/mgcalc
  mgcalc completion zsh > "${fpath[1]}/_mgcalc"
  mgcalc completion fish > ~/.config/fish/completions/mgcalc.fish
  source <(mgcalc completion bash)`,
		"complete without a description beside each choice": "vul aan zonder beschrijving naast elke keuze",
	}
}
