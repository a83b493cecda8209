package limits

import (
	"math"
	"strings"

	"github.com/mgcalc/mgcalc/pkg/msg"
	"github.com/mgcalc/mgcalc/pkg/text"
)

// Sex selects the column of an intake table.
type Sex string

// The sexes the tables distinguish; "" means not given.
const (
	Male   Sex = "male"
	Female Sex = "female"
)

// AdultAge is the age at which every table's adult values apply; a person
// without an age is an adult.
const AdultAge = 19

// MaxAge bounds --age.
const MaxAge = 130

// Person is who a limit is looked up for.
type Person struct {
	Age       float64 // years; fractions allowed (0.5 is six months)
	AgeSet    bool
	Sex       Sex
	Pregnant  bool
	Lactating bool
	// KidneyImpaired: the person's kidneys work less well (a standing
	// kidney: impaired, or an eGFR below the plan's gate). The upper
	// limits are set for healthy kidneys: every verdict says to see a
	// doctor instead of "within the limit".
	KidneyImpaired bool
}

// ParseSex reads male or female (m, f, man, woman), or a word of another
// language people type for one (msg.Word: vrouw, mannelijk).
func ParseSex(s string) (Sex, error) {
	if strings.TrimSpace(s) == "" {
		return "", nil
	}
	f, err := text.Fold(s) // the one fold of a word typed
	if r := msg.NameRefusal(s, err); r != nil {
		return "", r
	}
	if en, ok := msg.Word("sex", f); ok {
		f = en
	}
	switch f {
	case "male", "m", "man":
		return Male, nil
	case "female", "f", "woman":
		return Female, nil
	}
	return "", msg.Errorf("unknown sex %q", text.Clip(s)).WithHint("use male or female")
}

// Pregnancy and lactation values exist in the tables for these ages.
const (
	pregnancyMinAge = 14
	pregnancyMaxAge = 51
)

// PersonProblem names a combination of person options that the tables
// cannot answer. The CLI words it with the flags (and where a standing
// setting came from); the domain's own text names no flag.
type PersonProblem int

// The problems Validate reports.
const (
	AgeOutOfRange PersonProblem = iota + 1
	PregnantAndLactating
	PregnantMale
	PregnancyAge
)

// PersonError is Validate's error.
type PersonError struct {
	Problem PersonProblem
	Msg     *msg.Message
}

func (e *PersonError) Error() string { return e.Msg.Error() }
func (e *PersonError) Unwrap() error { return e.Msg }

// Validate rejects impossible or unsourced combinations.
func (p Person) Validate() error {
	if p.AgeSet && (math.IsNaN(p.Age) || p.Age < 0 || p.Age > MaxAge) {
		return &PersonError{AgeOutOfRange, msg.Errorf("age must be between 0 and %d years", MaxAge)}
	}
	if p.Pregnant && p.Lactating {
		return &PersonError{PregnantAndLactating, msg.Errorf("pregnancy and lactation cannot both apply").
			WithHint("the tables give one value for each; choose the one that applies now")}
	}
	if (p.Pregnant || p.Lactating) && p.Sex == Male {
		return &PersonError{PregnantMale, msg.Errorf("pregnancy and lactation apply to females only")}
	}
	if (p.Pregnant || p.Lactating) && p.AgeSet && (p.Age < pregnancyMinAge || p.Age >= pregnancyMaxAge) {
		return &PersonError{PregnancyAge, msg.Errorf("the reference tables give pregnancy and lactation values for ages %d to %d only", pregnancyMinAge, pregnancyMaxAge-1).
			WithHint("ask a doctor or midwife")}
	}
	return nil
}

// Normalized returns p with what its options imply: pregnancy or
// lactation implies female.
func (p Person) Normalized() Person {
	if p.Pregnant || p.Lactating {
		p.Sex = Female
	}
	return p
}

func (p Person) lookupAge() float64 {
	if p.AgeSet {
		return p.Age
	}
	return AdultAge
}

// Child reports whether p is under 18.
func (p Person) Child() bool { return p.AgeSet && p.Age < 18 }
