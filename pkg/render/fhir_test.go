package render

import (
	"bytes"
	"encoding/json"
	"math"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/mgcalc/mgcalc/pkg/kb"
	"github.com/mgcalc/mgcalc/pkg/limits"
	"github.com/mgcalc/mgcalc/pkg/plan"
)

// exportCase is a plan to export, as `mgcalc plan` would make it.
type exportCase struct {
	name  string
	goal  string
	req   plan.Request // Goal and Limit are filled in
	auth  string       // "": nih
	form  string       // "": the recommendation
	start string       // "": no --start
}

var exportCases = []exportCase{
	{name: "normal", goal: "sleep"},
	{name: "sensitive", goal: "sleep", req: plan.Request{Gut: plan.GutSensitive, Meds: []string{"levothyroxine", "doxycycline"}}},
	{name: "units", goal: "sleep", req: plan.Request{Unit: plan.Unit{CompoundMg: 500}}},
	{name: "label units, half", goal: "constipation", form: "citrate", req: plan.Request{Unit: plan.Unit{ElementalMg: 50, Half: true}}},
	{name: "supervised", goal: "migraine", req: plan.Request{TargetMg: 600, Supervised: true}},
	{name: "start", goal: "migraine", auth: "efsa", start: "2026-12-01"},
	{name: "supervised with start and meds", goal: "migraine", start: "2026-12-01", req: plan.Request{TargetMg: 600, Supervised: true, Meds: []string{"levothyroxine", "nosuchmed"}}},
}

// makeExport builds the case's plan report with the bibliography.
func makeExport(t *testing.T, c exportCase) *PlanExport {
	t.Helper()
	e, err := tryExport(t, c)
	if err != nil {
		t.Fatalf("%s: %v", c.name, err)
	}
	return e
}

// tryExport is makeExport where the plan may be refused.
func tryExport(t *testing.T, c exportCase) (*PlanExport, error) {
	t.Helper()
	k, lt, ft := builtTables(t)
	r := c.req
	r.Goal = k.Goal(c.goal)
	auth := c.auth
	if auth == "" {
		auth = "nih"
	}
	r.Limit = lt.Authority(auth).For(limits.Person{})
	if c.form != "" {
		var err error
		if r.Form, r.Variant, err = ft.Resolve(c.form); err != nil {
			t.Fatal(err)
		}
	}
	p, err := plan.Make(k, r)
	if err != nil {
		return nil, err
	}
	var start *time.Time
	if c.start != "" {
		d, err := time.Parse(time.DateOnly, c.start)
		if err != nil {
			t.Fatal(err)
		}
		start = &d
	}
	return NewPlanExport(p, start, ft.Sources), nil
}

// fhirSchema is the published FHIR R4 JSON schema (testdata/fhir-r4), compiled once.
var fhirSchema = sync.OnceValues(func() (*jsonschema.Schema, error) {
	f, err := os.Open("testdata/fhir-r4/fhir.schema.json")
	if err != nil {
		return nil, err
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		return nil, err
	}
	const url = "http://hl7.org/fhir/json-schema/4.0"
	c := jsonschema.NewCompiler()
	if err := c.AddResource(url, doc); err != nil {
		return nil, err
	}
	return c.Compile(url)
})

func validateFHIR(t *testing.T, b []byte) error {
	t.Helper()
	sch, err := fhirSchema()
	if err != nil {
		t.Fatalf("the FHIR schema does not compile: %v", err)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	return sch.Validate(inst)
}

// Every plan's bundle is valid FHIR R4, and says what the plan says.
func TestFHIRValidAgainstR4Schema(t *testing.T) {
	for _, c := range exportCases {
		t.Run(c.name, func(t *testing.T) {
			e := makeExport(t, c)
			b, err := e.Export(FHIR)
			if err != nil {
				t.Fatal(err)
			}
			if err := validateFHIR(t, b); err != nil {
				t.Fatalf("invalid FHIR R4:\n%v\n%s", err, b)
			}
			checkBundle(t, e, b)
		})
	}
}

// checkBundle compares the bundle with the plan.
func checkBundle(t *testing.T, e *PlanExport, b []byte) {
	t.Helper()
	var bundle struct {
		ResourceType, Type string
		Entry              []struct {
			FullURL  string `json:"fullUrl"`
			Resource struct {
				ResourceType, ID, Status, Intent, AuthoredOn string
				Subject                                      map[string]any
				Note                                         []struct{ Text string }
				DosageInstruction                            []struct {
					Sequence int
					Text     string
					Timing   struct {
						Repeat struct {
							BoundsPeriod   *struct{ Start, End string }
							BoundsDuration *struct{ Value float64 }
							When           []string
						}
					}
					DoseAndRate []struct {
						DoseQuantity struct {
							Value              float64
							Unit, System, Code string
						}
					}
				}
			}
		}
	}
	if err := json.Unmarshal(b, &bundle); err != nil {
		t.Fatal(err)
	}
	pp := e.p
	if bundle.ResourceType != "Bundle" || bundle.Type != "collection" || len(bundle.Entry) != len(pp.Steps) {
		t.Fatalf("a %s %s with %d entries for %d steps", bundle.Type, bundle.ResourceType, len(bundle.Entry), len(pp.Steps))
	}
	ids := map[string]bool{}
	for i, en := range bundle.Entry {
		s, mr := pp.Steps[i], en.Resource
		if mr.ResourceType != "MedicationRequest" || mr.Intent != "plan" || en.FullURL != "urn:uuid:"+mr.ID || ids[mr.ID] {
			t.Errorf("entry %d: %s %s %s, id %s", i, mr.ResourceType, mr.Intent, en.FullURL, mr.ID)
		}
		ids[mr.ID] = true
		if len(mr.Subject) != 1 || mr.Subject["display"] != "patient" {
			t.Errorf("entry %d: subject %v, want only the display \"patient\"", i, mr.Subject)
		}
		if wantStatus := map[bool]string{false: "active", true: "draft"}[pp.Supervised]; mr.Status != wantStatus {
			t.Errorf("entry %d: status %s", i, mr.Status)
		}
		if pp.Supervised && (len(mr.Note) == 0 || !strings.Contains(mr.Note[0].Text, "medical supervision only")) {
			t.Errorf("entry %d: a supervised plan without its note: %+v", i, mr.Note)
		}
		if (e.start != nil) != (mr.AuthoredOn != "") {
			t.Errorf("entry %d: authoredOn %q with start %v", i, mr.AuthoredOn, e.start)
		}
		if len(mr.DosageInstruction) != len(s.Intakes) {
			t.Fatalf("step %d: %d dosage instructions for %d intakes", i+1, len(mr.DosageInstruction), len(s.Intakes))
		}
		sum := 0.0
		for j, d := range mr.DosageInstruction {
			in := s.Intakes[j]
			q := d.DoseAndRate[0].DoseQuantity
			if d.Sequence != i+1 || q.Unit != "mg" || q.Code != "mg" || q.System != "http://unitsofmeasure.org" {
				t.Errorf("step %d: sequence %d, dose %+v", i+1, d.Sequence, q)
			}
			if math.Abs(q.Value-in.ElementalMg) > 0.005 {
				t.Errorf("step %d: a dose of %v mg, the intake is %v mg elemental", i+1, q.Value, in.ElementalMg)
			}
			sum += q.Value
			if want := map[plan.TimeOfDay]string{plan.Morning: "MORN", plan.Midday: "NOON", plan.Evening: "EVE"}[in.When]; len(d.Timing.Repeat.When) != 1 || d.Timing.Repeat.When[0] != want {
				t.Errorf("step %d: when %v, want %s", i+1, d.Timing.Repeat.When, want)
			}
			rep := d.Timing.Repeat
			if e.start != nil {
				if rep.BoundsPeriod == nil || rep.BoundsDuration != nil ||
					rep.BoundsPeriod.Start != DateOf(*e.start, s.FirstDay).Format(time.DateOnly) || rep.BoundsPeriod.End != DateOf(*e.start, s.LastDay).Format(time.DateOnly) {
					t.Errorf("step %d: bounds %+v %+v", i+1, rep.BoundsPeriod, rep.BoundsDuration)
				}
			} else if rep.BoundsPeriod != nil || rep.BoundsDuration == nil || int(rep.BoundsDuration.Value) != s.LastDay-s.FirstDay+1 {
				t.Errorf("step %d: bounds %+v %+v", i+1, rep.BoundsPeriod, rep.BoundsDuration)
			}
			if !strings.Contains(d.Text, " mg elemental magnesium (") || !strings.Contains(d.Text, "upper limit of "+fnum(*pp.Limit.Mg())+" mg/day ("+pp.Limit.Authority.Name+")") {
				t.Errorf("step %d: text %q", i+1, d.Text)
			}
			if pp.CompoundKnown && !strings.Contains(d.Text, " mg "+pp.Form.Name+")") {
				t.Errorf("step %d: text %q lacks the compound", i+1, d.Text)
			}
		}
		if math.Abs(sum-s.ElementalMg) > 0.01 {
			t.Errorf("step %d: doses add up to %v, the day is %v", i+1, sum, s.ElementalMg)
		}
	}
}

// The validation can fail: a bundle with a wrong type, a value outside a
// code's list or pattern, a missing or an unknown element is refused by
// the schema. (The schema checks a code's form, not every code's list:
// status is any code to it.)
func TestFHIRSchemaRejectsMutations(t *testing.T) {
	b, err := makeExport(t, exportCases[0]).Export(FHIR)
	if err != nil {
		t.Fatal(err)
	}
	mutations := map[string]func(mr map[string]any){
		"dose as a string": func(mr map[string]any) {
			doseOf(mr)["value"] = "150"
		},
		"sequence as a string": func(mr map[string]any) {
			mr["dosageInstruction"].([]any)[0].(map[string]any)["sequence"] = "1"
		},
		"status not a code": func(mr map[string]any) { mr["status"] = "on  hold" },
		"status a number":   func(mr map[string]any) { mr["status"] = 1 },
		"date not a date":   func(mr map[string]any) { mr["authoredOn"] = "1 December 2026" },
		"unknown element":   func(mr map[string]any) { mr["dose"] = 150 },
		"no subject":        func(mr map[string]any) { delete(mr, "subject") },
		"period unit":       func(mr map[string]any) { repeat(mr)["periodUnit"] = "day" },
		"when":              func(mr map[string]any) { repeat(mr)["when"] = []any{"EVENING"} },
	}
	for name, mutate := range mutations {
		var doc map[string]any
		if err := json.Unmarshal(b, &doc); err != nil {
			t.Fatal(err)
		}
		mutate(doc["entry"].([]any)[0].(map[string]any)["resource"].(map[string]any))
		m, err := json.Marshal(doc)
		if err != nil {
			t.Fatal(err)
		}
		if err := validateFHIR(t, m); err == nil {
			t.Errorf("%s: the schema accepted it", name)
		}
	}
}

func dosage(mr map[string]any) map[string]any {
	return mr["dosageInstruction"].([]any)[0].(map[string]any)
}

func doseOf(mr map[string]any) map[string]any {
	return dosage(mr)["doseAndRate"].([]any)[0].(map[string]any)["doseQuantity"].(map[string]any)
}

func repeat(mr map[string]any) map[string]any {
	return dosage(mr)["timing"].(map[string]any)["repeat"].(map[string]any)
}

// The same plan gives the same bytes; another start date, other ids.
func TestFHIRDeterministic(t *testing.T) {
	c := exportCases[5]
	a, _ := makeExport(t, c).Export(FHIR)
	b, _ := makeExport(t, c).Export(FHIR)
	if !bytes.Equal(a, b) {
		t.Fatal("two exports of one plan differ")
	}
	c.start = "2026-12-02"
	d, _ := makeExport(t, c).Export(FHIR)
	var x, y struct{ ID string }
	_ = json.Unmarshal(a, &x)
	_ = json.Unmarshal(d, &y)
	if x.ID == "" || x.ID == y.ID {
		t.Errorf("bundle ids %q and %q", x.ID, y.ID)
	}
}

func TestDerivedUUID(t *testing.T) {
	u := derivedUUID([]byte("digest"), "step 1")
	if len(u) != 36 || u[14] != '8' || !strings.ContainsRune("89ab", rune(u[19])) {
		t.Errorf("not a version 8 UUID: %s", u)
	}
	if u == derivedUUID([]byte("digest"), "step 2") {
		t.Error("two names, one id")
	}
}

// Every goal, either gut, with and without units: valid FHIR R4, and the
// Markdown names every step.
func TestExportsEveryGoal(t *testing.T) {
	k, err := kb.Plan()
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, g := range k.Goals {
		for _, gut := range []plan.Gut{plan.GutNormal, plan.GutSensitive} {
			for _, u := range []plan.Unit{{}, {CompoundMg: 500, Half: true}} {
				e, err := tryExport(t, exportCase{name: g.Key, goal: g.Key, req: plan.Request{Gut: gut, Unit: u}})
				if err != nil && u.IsSet() {
					continue // a unit above the start dose: no plan, as on the command line
				} else if err != nil {
					t.Fatalf("%s/%s: %v", g.Key, gut, err)
				}
				b, err := e.Export(FHIR)
				if err != nil {
					t.Fatal(err)
				}
				if err := validateFHIR(t, b); err != nil {
					t.Fatalf("%s/%s/%+v: invalid FHIR R4: %v", g.Key, gut, u, err)
				}
				checkBundle(t, e, b)
				n++
			}
		}
	}
	if n < 2*len(k.Goals) {
		t.Errorf("only %d plans exported", n)
	}
}
