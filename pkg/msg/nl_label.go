package msg

// nlLabel is the Dutch of reading labels (mgcalc label, total --label) and
// of products known by their magnesium alone (magnesium:100).
func nlLabel() map[string]string {
	return map[string]string{
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
	}
}
