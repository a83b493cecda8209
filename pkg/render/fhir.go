package render

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"strconv"
	"strings"
	"time"

	"github.com/mgcalc/mgcalc/pkg/msg"
	"github.com/mgcalc/mgcalc/pkg/plan"
)

// The FHIR R4 resources -o fhir writes: only the elements mgcalc fills.
// Field order is the order of the FHIR specification.
type (
	fhirBundle struct {
		ResourceType string      `json:"resourceType"`
		ID           string      `json:"id"`
		Type         string      `json:"type"`
		Entry        []fhirEntry `json:"entry"`
	}
	fhirEntry struct {
		FullURL  string             `json:"fullUrl"`
		Resource fhirMedicationPlan `json:"resource"`
	}
	fhirMedicationPlan struct {
		ResourceType              string           `json:"resourceType"`
		ID                        string           `json:"id"`
		Status                    string           `json:"status"`
		Intent                    string           `json:"intent"`
		MedicationCodeableConcept fhirConcept      `json:"medicationCodeableConcept"`
		Subject                   fhirReference    `json:"subject"`
		AuthoredOn                string           `json:"authoredOn,omitempty"`
		ReasonCode                []fhirConcept    `json:"reasonCode"`
		Note                      []fhirAnnotation `json:"note,omitempty"`
		DosageInstruction         []fhirDosage     `json:"dosageInstruction"`
		PriorPrescription         *fhirReference   `json:"priorPrescription,omitempty"`
	}
	fhirConcept struct {
		Coding []fhirCoding `json:"coding,omitempty"`
		Text   string       `json:"text"`
	}
	fhirCoding struct {
		System  string `json:"system"`
		Code    string `json:"code"`
		Display string `json:"display"`
	}
	fhirReference struct {
		Reference string `json:"reference,omitempty"`
		Display   string `json:"display,omitempty"`
	}
	fhirAnnotation struct {
		Text string `json:"text"`
	}
	fhirDosage struct {
		Sequence              int               `json:"sequence"`
		Text                  string            `json:"text"`
		AdditionalInstruction []fhirConcept     `json:"additionalInstruction,omitempty"`
		Timing                fhirTiming        `json:"timing"`
		Route                 fhirConcept       `json:"route"`
		DoseAndRate           []fhirDoseAndRate `json:"doseAndRate"`
	}
	fhirTiming struct {
		Repeat fhirRepeat `json:"repeat"`
	}
	fhirRepeat struct {
		BoundsDuration *fhirQuantity `json:"boundsDuration,omitempty"`
		BoundsPeriod   *fhirPeriod   `json:"boundsPeriod,omitempty"`
		Frequency      int           `json:"frequency"`
		Period         float64       `json:"period"`
		PeriodUnit     string        `json:"periodUnit"`
		When           []string      `json:"when"`
	}
	fhirPeriod struct {
		Start string `json:"start"`
		End   string `json:"end"`
	}
	fhirQuantity struct {
		Value  float64 `json:"value"`
		Unit   string  `json:"unit"`
		System string  `json:"system"`
		Code   string  `json:"code"`
	}
	fhirDoseAndRate struct {
		DoseQuantity fhirQuantity `json:"doseQuantity"`
	}
)

// ucum is the system of FHIR's units of measure.
const ucum = "http://unitsofmeasure.org"

// eventTiming is FHIR's EventTiming code for an intake's time of day.
// fhirWhen is an intake's time of day in the dosage text.
func fhirWhen(t plan.TimeOfDay) string {
	switch t {
	case plan.Morning:
		return "in the morning"
	case plan.Midday:
		return "at midday"
	case plan.Evening:
		return "in the evening"
	}
	return ""
}

func eventTiming(t plan.TimeOfDay) string {
	switch t {
	case plan.Morning:
		return "MORN"
	case plan.Midday:
		return "NOON"
	case plan.Evening:
		return "EVE"
	}
	return ""
}

// oralRoute is the route of every plan: SNOMED CT 26643006.
var oralRoute = fhirConcept{Coding: []fhirCoding{{System: "http://snomed.info/sct", Code: "26643006", Display: "Oral route"}}, Text: "oral"}

// FHIR is the plan as a FHIR R4 Bundle of type collection: one
// MedicationRequest (intent plan) per step, each with one dosage
// instruction per intake in the step's sequence, the dose in mg of
// elemental magnesium, the daily timing bounded by the step's dates (with
// --start) or its length in days, and the upper limit in the text. The
// subject is "patient", with no identifier. Ids are UUIDs derived from a
// digest of the plan, so the same plan gives the same bytes. The text is
// English in every language: it is machine output.
func (r *Plan) FHIR() ([]byte, error) {
	pp := r.p
	canon, err := json.Marshal(r.j) // the whole plan, start date included
	if err != nil {
		return nil, err
	}
	digest := sha256.Sum256(append([]byte("mgcalc fhir r4\x00"), canon...))
	id := func(name string) string { return derivedUUID(digest[:], name) }

	status := "active"
	if pp.Supervised {
		status = "draft" // not to be acted on until the supervising doctor signs it off
	}
	// the dose is elemental magnesium, so the medication is magnesium, as
	// the salt (a receiving system shows "magnesium … 140.96 mg", never
	// "magnesium bisglycinate 140.96 mg" for 1000 mg of the salt)
	medication := fhirConcept{Text: "magnesium (as " + pp.Variant.Name + ", " + pp.Variant.Formula + ", " +
		strconv.FormatFloat(pp.Share.Fraction*100, 'f', 2, 64) + " % Mg)"}
	if !pp.CompoundKnown {
		medication.Text = "magnesium (as " + pp.Form.Name + "; " + fnum(pp.UnitElMg) + " mg magnesium a " + pp.Unit.Name + ", as labelled)"
	}
	var notes []fhirAnnotation
	for _, w := range pp.Warnings { // supervision, when supervised, is first
		notes = append(notes, fhirAnnotation{Text: sentence(w.Error())})
	}
	var spacing []fhirConcept
	for _, s := range pp.Spacing {
		spacing = append(spacing, fhirConcept{Text: s.Interaction.Name + " (" + strings.Join(s.Named, ", ") + "): " + spacingText(s)})
	}
	ul := *pp.Limit.Mg()
	bundle := fhirBundle{ResourceType: "Bundle", ID: id("bundle"), Type: "collection", Entry: []fhirEntry{}}
	var prior *fhirReference
	for i, s := range pp.Steps {
		mr := fhirMedicationPlan{
			ResourceType: "MedicationRequest", ID: id("step " + strconv.Itoa(i+1)),
			Status: status, Intent: "plan",
			MedicationCodeableConcept: medication,
			Subject:                   fhirReference{Display: "patient"},
			ReasonCode:                []fhirConcept{{Text: pp.Goal.Name}},
			Note:                      notes,
			PriorPrescription:         prior,
		}
		if r.start != nil {
			mr.AuthoredOn = r.start.Format(time.DateOnly)
		}
		days := "days " + strconv.Itoa(s.FirstDay) + "-" + strconv.Itoa(s.LastDay)
		var repeat fhirRepeat
		if r.start != nil {
			first, last := DateOf(*r.start, s.FirstDay).Format(time.DateOnly), DateOf(*r.start, s.LastDay).Format(time.DateOnly)
			days += " (" + first + " to " + last + ")"
			repeat.BoundsPeriod = &fhirPeriod{Start: first, End: last}
		} else {
			repeat.BoundsDuration = &fhirQuantity{Value: float64(s.LastDay - s.FirstDay + 1), Unit: "d", System: ucum, Code: "d"}
		}
		for _, in := range s.Intakes {
			rep := repeat
			rep.Frequency, rep.Period, rep.PeriodUnit = 1, 1, "d"
			rep.When = []string{eventTiming(in.When)}
			what := fnum(in.ElementalMg) + " mg elemental magnesium (" + r.fhirAmount(in.Units, in.CompoundMg) + ") " + fhirWhen(in.When)
			text := what + ", " + days + "; " + fnum(s.ElementalMg) + " mg/day in all, " + strconv.FormatFloat(s.Check.Percent, 'f', 1, 64) +
				" % of the upper limit of " + fnum(ul) + " mg/day (" + pp.Limit.Authority.Name + ")"
			if s.Check.Over {
				text += "; above the upper limit: for use under medical supervision only"
			}
			mr.DosageInstruction = append(mr.DosageInstruction, fhirDosage{
				Sequence: i + 1, Text: text, AdditionalInstruction: spacing,
				Timing: fhirTiming{Repeat: rep}, Route: oralRoute,
				DoseAndRate: []fhirDoseAndRate{{DoseQuantity: fhirQuantity{Value: Round(in.ElementalMg, MassDec), Unit: "mg", System: ucum, Code: "mg"}}},
			})
		}
		fullURL := "urn:uuid:" + mr.ID
		bundle.Entry = append(bundle.Entry, fhirEntry{FullURL: fullURL, Resource: mr})
		prior = &fhirReference{Reference: fullURL}
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(bundle); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// fhirAmount is what an intake is besides its magnesium: units and the
// compound's weight, each where known.
func (r *Plan) fhirAmount(units, compoundMg float64) string {
	pp := r.p
	var parts []string
	if pp.Unit.IsSet() {
		parts = append(parts, plan.UnitCount(pp.Unit.Name, units).Error())
	}
	if pp.CompoundKnown {
		parts = append(parts, fnum(compoundMg)+" mg "+pp.Form.Name)
	}
	return strings.Join(parts, ", ")
}

// spacingText is a medicine's spacing from magnesium, in English: its
// advice where no spacing applies, and where the interaction belongs to
// other forms, which, and the rule for any medicine.
func spacingText(s plan.MedSpacing) string {
	switch {
	case !s.Applies:
		var names []string
		for _, f := range s.Forms {
			names = append(names, f.Name)
		}
		return "mgcalc's sources give this for " + strings.Join(names, ", ") + ", not for this form: " + s.General.Text
	case len(s.Rules) == 0:
		return s.Interaction.Advice.Text
	}
	return msg.EN.Message(plan.SpacingWords(s.BeforeHours, s.AfterHours))
}

// fnum prints a number machine style with at most two decimals and no
// trailing zeros: 150, 70.48, 0.5.
func fnum(x float64) string {
	s := FormatFloat(x, MassDec)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	return s
}

// sentence capitalises the first letter of a message.
func sentence(s string) string {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// derivedUUID is a UUID (version 8: custom, RFC 9562) from a digest and a
// name: the same plan and name always give the same id.
func derivedUUID(digest []byte, name string) string {
	h := sha256.New()
	h.Write(digest)
	h.Write([]byte(name))
	u := h.Sum(nil)[:16]
	u[6] = u[6]&0x0f | 0x80
	u[8] = u[8]&0x3f | 0x80
	x := hex.EncodeToString(u)
	return x[0:8] + "-" + x[8:12] + "-" + x[12:16] + "-" + x[16:20] + "-" + x[20:32]
}
