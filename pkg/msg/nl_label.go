package msg

// nlLabel is the Dutch of reading labels (mgcalc label, total --label) and
// of products known by their magnesium alone (magnesium:100).
func nlLabel() map[string]string {
	return map[string]string{
		"%s mg magnesium": "%s mg magnesium",

		// elemental magnesium 400
		"%s mg magnesium is already elemental: there is nothing to convert":                                                                          "%s mg magnesium is al elementair magnesium: er valt niets om te rekenen",
		"magnesium is already elemental: there is nothing to convert":                                                                                "magnesium is al elementair magnesium: er valt niets om te rekenen",
		"'mgcalc compound FORM %s' gives how much of a salt carries it (such as mgcalc compound citrate %s); 'mgcalc limits' shows your upper limit": "'mgcalc compound VORM %s' geeft hoeveel van een zout dat bevat (bijvoorbeeld mgcalc compound citraat %s); 'mgcalc limits' toont uw bovengrens",
		"%q is magnesium itself, not a salt: compound needs the salt that carries the magnesium":                                                     "%q is magnesium zelf, geen zout: compound heeft het zout nodig waarin het magnesium zit",
		"name the salt, such as mgcalc compound citrate %s; 'mgcalc forms' lists them":                                                               "noem het zout, bijvoorbeeld mgcalc compound citraat %s; 'mgcalc forms' geeft de lijst",

		// a stack entry with elemental and no form
		"give the form, such as form: citrate, or the label's magnesium per unit as elemental: 100 mg": "geef de vorm, bijvoorbeeld form: citraat, of het magnesium per stuk van het etiket als elemental: 100 mg",
		"needs the form of the magnesium salt":                                                         "heeft de vorm van het magnesiumzout nodig",
		"give form: (such as form: citrate), or leave %s out and give elemental: only":                 "geef form: (bijvoorbeeld form: citraat), of laat %s weg en geef alleen elemental:",

		// mgcalc label: the command
		"Read a supplement label as it is printed: its magnesium, serving and daily amount": "Lees een supplementetiket zoals het gedrukt is: het magnesium, de portie en de hoeveelheid per dag",
		"the label's `text` (several lines are fine)":                                       "de `tekst` van het etiket (meerdere regels mag)",
		"a DSLD v9 JSON `file`: one label or an array of labels (repeatable)":               "een DSLD-v9-JSON-`bestand`: één etiket of een lijst etiketten (herhaalbaar)",
		"report every label that cannot be read and print the others (exit 1 at the end)":   "meld elk etiket dat niet te lezen is en toon de andere (aan het eind afsluitstatus 1)",
		"a label's text `file`, read as 'mgcalc label' reads it (- for stdin); repeatable":  "een `bestand` met de tekst van een etiket, gelezen zoals 'mgcalc label' het leest (- voor standaardinvoer); herhaalbaar",
		"give FORM:AMOUNT items (citrate:500), --stack FILE, --csv FILE or --label FILE":    "geef producten als VORM:HOEVEELHEID (citraat:500), --stack BESTAND, --csv BESTAND of --label BESTAND",
		"no label given": "geen etiket opgegeven",
		"give a FILE, - for stdin, --text TEXT or --dsld FILE": "geef een BESTAND, - voor standaardinvoer, --text TEKST of --dsld BESTAND",
		"%d of %d labels could not be read":                    "niet te lezen: %d van de %d etiketten",
		"label %d: %s":                                         "etiket %d: %s",
		"%s: row %d: %s":                                       "%s: rij %d: %s",
		"%s (and %d more lines that cannot be read)":           "%s (en nog %d regels die niet te lezen zijn)",

		// pkg/label: reading
		"the label has no text":                                      "het etiket heeft geen tekst",
		"the label is larger than %d KiB":                            "het etiket is groter dan %d KiB",
		"the label is not valid UTF-8 text":                          "het etiket is geen geldige UTF-8-tekst",
		"the label has more than %d lines":                           "het etiket heeft meer dan %d regels",
		"%q names magnesium but gives no amount":                     "%q noemt magnesium maar geeft geen hoeveelheid",
		"expected an amount such as 200 mg on this line or the next": "verwacht werd een hoeveelheid zoals 200 mg op deze regel of de volgende",
		"%q without an amount":                                       "%q zonder hoeveelheid",
		"expected an amount after it, such as %q":                    "verwacht werd een hoeveelheid erna, zoals %q",
		"amount %q is ambiguous":                                     "hoeveelheid %q is dubbelzinnig",
		"%q: %s":                                                     "%q: %s",
		"%q: %s mg magnesium cannot come from %s mg %s, which carries at most %s mg":                                                        "%q: %s mg magnesium kan niet uit %s mg %s komen, dat hoogstens %s mg bevat",
		"%q and %q: %s mg magnesium cannot come from %s mg %s, which carries at most %s mg":                                                 "%q en %q: %s mg magnesium kan niet uit %s mg %s komen, dat hoogstens %s mg bevat",
		"the label has a typo, its lines are swapped, or the product is a blend; if you trust its magnesium, count it as magnesium:%s":      "het etiket bevat een tikfout, de regels zijn verwisseld, of het product is een mengsel; vertrouwt u het magnesium van het etiket, tel het dan als magnesium:%s",
		"the lines are likely swapped or mistyped, or the product is a blend; if you trust the label's magnesium, count it as magnesium:%s": "de regels zijn waarschijnlijk verwisseld of verkeerd getypt, of het product is een mengsel; vertrouwt u het magnesium van het etiket, tel het dan als magnesium:%s",
		"%q: mgcalc cannot compute the magnesium in %s":                                                                                     "%q: mgcalc kan het magnesium in %s niet berekenen",
		"if the label states its magnesium, count it as magnesium:MG":                                                                       "noemt het etiket het magnesium, tel het dan als magnesium:MG",
		"proprietary blend: %q gives no amount for its magnesium":                                                                           "eigen mengsel: %q geeft geen hoeveelheid voor het magnesium erin",
		"only the maker can say how much magnesium it holds; if the label states it, count it as magnesium:MG":                              "alleen de maker kan zeggen hoeveel magnesium erin zit; noemt het etiket dat, tel het dan als magnesium:MG",
		"%q: the directions give %s servings a day, which mgcalc does not read as a dose":                                                   "%q: het gebruiksadvies geeft %s porties per dag, wat mgcalc niet als dosis leest",
		"the label gives no daily amount: one serving a day is counted (mgcalc's rule)":                                                     "het etiket noemt geen hoeveelheid per dag: er wordt één portie per dag geteld (regel van mgcalc)",
		"the label does not say what its amounts are per: they are read as per %s, the unit of its directions (mgcalc's rule)":              "het etiket zegt niet waar de hoeveelheden per gelden: ze worden gelezen als per %s, de eenheid van het gebruiksadvies (regel van mgcalc)",
		"the directions count %s and the serving %s: one serving a day is counted (mgcalc's rule)":                                          "het gebruiksadvies telt in %s en de portie in %s: er wordt één portie per dag geteld (regel van mgcalc)",
		"tablet": "tablet", "tablets": "tabletten",
		"capsule": "capsule", "capsules": "capsules",
		"scoop": "maatschep", "scoops": "maatscheppen",
		"sachet": "sachet", "sachets": "sachets",
		"tablespoon": "eetlepel", "tablespoons": "eetlepels",
		"teaspoon": "theelepel", "teaspoons": "theelepels",
		"gummy": "gummy", "gummies": "gummies",
		"drop": "druppel", "drops": "druppels",
		"ampoule": "ampul", "ampoules": "ampullen",
		"serving": "portie", "servings": "porties",

		// pkg/label: DSLD
		"not DSLD JSON: a label is a JSON object, or an array of them": "geen DSLD-JSON: een etiket is een JSON-object, of een lijst daarvan",
		"not valid JSON at byte %d":                                    "geen geldige JSON bij byte %d",
		"not valid JSON":                                               "geen geldige JSON",
		"not a DSLD label: %s is a JSON %s":                            "geen DSLD-etiket: %s is een JSON-%s",
		"the DSLD file is larger than %d MiB":                          "het DSLD-bestand is groter dan %d MiB",
		"the DSLD file is empty":                                       "het DSLD-bestand is leeg",
		"the DSLD file holds no label":                                 "het DSLD-bestand bevat geen etiket",
		"the DSLD file holds more than %d labels":                      "het DSLD-bestand bevat meer dan %d etiketten",
		"the label's id is longer than 40 characters":                  "het id van het etiket is langer dan 40 tekens",
		"rows are nested more than %d deep":                            "rijen zijn dieper genest dan %d niveaus",
		"the label has more than %d ingredient rows":                   "het etiket heeft meer dan %d ingrediëntrijen",

		// pkg/render: the label report
		"no line of this label names magnesium":           "geen regel van dit etiket noemt magnesium",
		"excipient: not counted":                          "hulpstof: telt niet mee",
		"cannot be read: %s":                              "niet te lezen: %s",
		"the same magnesium as %s: counted once":          "hetzelfde magnesium als %s: telt één keer",
		"line %d":                                         "regel %d",
		"row %d":                                          "rij %d",
		"not magnesium":                                   "geen magnesium",
		"a reference intake or limit, not a dose":         "een referentie-inname of grens, geen dosis",
		"an amount per kg of body weight, not a dose":     "een hoeveelheid per kg lichaamsgewicht, geen dosis",
		"for children: not the adult daily amount":        "voor kinderen: niet de hoeveelheid per dag voor volwassenen",
		"an ingredient without an amount":                 "een ingrediënt zonder hoeveelheid",
		"names magnesium without an amount: no dose":      "noemt magnesium zonder hoeveelheid: geen dosis",
		"not a dose":                                      "geen dosis",
		"%s, computed from %s mg %s (%s, %s %% Mg)":       "%s, berekend uit %s mg %s (%s, %s %% Mg)",
		"%s in %s mg %s":                                  "%s in %s mg %s",
		"check:":                                          "controle:",
		"%s (elemental), %s":                              "%s (elementair), %s",
		"%s (from the ingredients, %s)":                   "%s (uit de ingrediënten, %s)",
		"several salts":                                   "meerdere zouten",
		"salt not named":                                  "zout niet genoemd",
		"consistent":                                      "klopt",
		"(%s %% Mg fits %s, %s %%)":                       "(%s %% Mg past bij %s, %s %%)",
		"(%s %% Mg, within the raw-material assay range)": "(%s %% Mg, binnen het gehaltebereik van de grondstof)",
		"unmatched":                                       "past niet",
		"(%s %% Mg fits no variant within %s %%: another hydrate, a blend or a label error; the label's magnesium is counted)": "(%s %% Mg past bij geen enkele variant (binnen %s %%): een ander hydraat, een mengsel of een fout op het etiket; het magnesium van het etiket telt)",
		"impossible":                   "onmogelijk",
		"%s prints %s %%: not checked": "%s vermeldt %s %%: niet gecontroleerd",
		"%s prints %s %%; %s mg is %s %% of the %s (%s mg)": "%s vermeldt %s %%; %s mg is %s %% van de %s (%s mg)",
		"fits":                                  "klopt",
		"does not fit (reported, not an error)": "klopt niet (gemeld, geen fout)",
		"a day's amount (%s %s)":                "de hoeveelheid per dag (%s %s)",
		"a day's amount":                        "de hoeveelheid per dag",
		"not said":                              "niet vermeld",
		"serving: %s; servings a day: %s (the label does not say)": "portie: %s; porties per dag: %s (het etiket zegt het niet)",
		"serving: %s; servings a day: %s":                          "portie: %s; porties per dag: %s",
		"magnesium per serving: %s mg":                             "magnesium per portie: %s mg",
		"magnesium per day: %s":                                    "magnesium per dag: %s",
		"%s to %s mg; the verdict uses the top":                    "%s tot %s mg; het oordeel gaat uit van de bovenkant",
		"no total: a line that names magnesium cannot be read":     "geen totaal: een regel die magnesium noemt is niet te lezen",

		// mgcalc label: help
		`Reads a supplement label as it is printed, in English, Dutch or German (a
text file, '-' for stdin, or --text), or as the NIH Dietary Supplement Label
Database gives it (--dsld FILE, v9 JSON; a file may hold an array of
labels), and says what each line means for magnesium:

  Magnesium (as magnesium citrate) 200 mg            200 mg magnesium (elemental)
  Magnesium citrate 500 mg                           80.8 mg, computed from the salt
  Magnesiumbisglycinaat 500 mg waarvan magnesium 70 mg
                                                     both, checked against each other
  magnesium stearate, E470b, E553a                   an excipient, never counted
  Zink 10 mg; Vitamin C (as magnesium ascorbate)     not magnesium

It reads the serving ("per 2 capsules", "Serving Size 3 Capsules", "per
dagdosis (2 tabletten)", "1 Tablette enthält") and the directions ("Neem
1-2 tabletten per dag", "Take 2 tablets twice daily", "zweimal täglich"),
gives the magnesium per serving and per day (a range is given with both
ends; the verdict uses the top) and compares it with the upper limit, as
total does. A printed %% RI or %% DV is checked against the EU reference
value (375 mg) or the US Daily Value (420 mg; 400 mg before 2016): a
mismatch is reported, never an error.

An elemental amount without a salt takes its form from the ingredient list
when that names one magnesium salt ("mixed" when it names several). The
same magnesium printed twice (a compound amount beside the magnesium it
gives, DSLD parent and nested rows) counts once, the elemental figure being
the dose. Reference intakes (NRV 375 mg, DGE 300-400 mg), amounts per kg of
body weight and amounts for children are no dose. Lines starting with # are
comments.

mgcalc refuses, quoting the line, what it cannot read without a guess: a
line that names magnesium without an amount anywhere on the label, an
ambiguous number (1.830 mg), a salt it has no formula for, amounts no salt
can carry, and the magnesium of a proprietary blend.

Several labels: one report each, or with -o tsv, csv or jsonl one row each
with its file name; -o json gives an array. --keep-going reports every
label that cannot be read and prints the others (exit 1 at the end).

Exit status: 0 at or under the upper limit, 3 above it (any label), 1 for a
file that cannot be read or a line that names magnesium but cannot be read,
2 for bad arguments. -o value prints the magnesium a day (the top of the
range).`: `Leest een supplementetiket zoals het gedrukt is, in het Engels, Nederlands of
Duits (een tekstbestand, '-' voor standaardinvoer, of --text), of zoals de
NIH Dietary Supplement Label Database het geeft (--dsld BESTAND, v9-JSON; een
bestand mag een lijst etiketten bevatten), en zegt wat elke regel voor
magnesium betekent:

  Magnesium (as magnesium citrate) 200 mg            200 mg magnesium (elementair)
  Magnesium citrate 500 mg                           80,8 mg, berekend uit het zout
  Magnesiumbisglycinaat 500 mg waarvan magnesium 70 mg
                                                     beide, tegen elkaar gecontroleerd
  magnesium stearate, E470b, E553a                   een hulpstof, telt nooit mee
  Zink 10 mg; Vitamin C (as magnesium ascorbate)     geen magnesium

Het leest de portie ("per 2 capsules", "Serving Size 3 Capsules", "per
dagdosis (2 tabletten)", "1 Tablette enthält") en het gebruiksadvies ("Neem
1-2 tabletten per dag", "Take 2 tablets twice daily", "zweimal täglich"),
geeft het magnesium per portie en per dag (van een bereik beide uiteinden;
het oordeel gaat uit van de bovenkant) en vergelijkt dat met de bovengrens,
zoals total doet. Een vermeld %% RI of %% DV wordt gecontroleerd tegen de
Europese referentiewaarde (375 mg) of de Amerikaanse Daily Value (420 mg;
400 mg vóór 2016): een verschil wordt gemeld, nooit als fout.

Een elementaire hoeveelheid zonder zout krijgt haar vorm uit de
ingrediëntenlijst als die één magnesiumzout noemt ("mixed" als die er
meerdere noemt). Hetzelfde magnesium dat twee keer gedrukt staat (een
hoeveelheid verbinding naast het magnesium dat die levert, DSLD-rijen met
hun subrijen) telt één keer; het elementaire getal is de dosis.
Referentie-innames (NRV 375 mg, DGE 300-400 mg), hoeveelheden per kg
lichaamsgewicht en hoeveelheden voor kinderen zijn geen dosis. Regels die met
# beginnen zijn commentaar.

mgcalc weigert, met de regel erbij, wat het niet zonder gokken kan lezen: een
regel die magnesium noemt zonder dat het etiket ergens een hoeveelheid geeft,
een dubbelzinnig getal (1.830 mg), een zout zonder formule, hoeveelheden die
geen zout kan bevatten, en het magnesium van een eigen mengsel.

Meerdere etiketten: elk een eigen verslag, of met -o tsv, csv of jsonl elk
één rij met de bestandsnaam; -o json geeft een lijst. --keep-going meldt elk
etiket dat niet te lezen is en toont de andere (aan het eind afsluitstatus 1).

Afsluitstatus: 0 op of onder de bovengrens, 3 erboven (bij een etiket), 1
voor een bestand dat niet te lezen is of een regel die magnesium noemt maar
niet te lezen is, 2 voor verkeerde argumenten. -o value toont het magnesium
per dag (de bovenkant van het bereik).`,
		`  mgcalc label --text "Magnesium (as magnesium citrate) 200 mg"
  mgcalc label etiket.txt
  pbpaste | mgcalc label -
  mgcalc label --dsld 33919.json
  mgcalc label *.txt -o tsv
  mgcalc label etiket.txt --authority efsa -o value`: `  mgcalc label --text "Magnesium (as magnesium citrate) 200 mg"
  mgcalc label etiket.txt
  pbpaste | mgcalc label -
  mgcalc label --dsld 33919.json
  mgcalc label *.txt -o tsv
  mgcalc label etiket.txt --authority efsa -o value`,
	}
}
