package plan

import (
	"reflect"
	"testing"
	"time"
)

func TestMedWindows(t *testing.T) {
	h := func(x float64) time.Duration { return time.Duration(x * float64(time.Hour)) }
	spaced := func(before, after float64) MedSpacing {
		return MedSpacing{Applies: true, Rules: []int{0}, BeforeHours: before, AfterHours: after}
	}
	cases := []struct {
		name  string
		s     MedSpacing
		times []time.Duration
		want  []Window
	}{
		// levothyroxine 4/4 with magnesium at 12:00 and 21:00: 01:00-08:00
		// (on waking) or 16:00-17:00
		{"levothyroxine, midday and evening", spaced(4, 4), []time.Duration{h(12), h(21)}, []Window{{h(1), h(8)}, {h(16), h(17)}}},
		// doxycycline 2 before / 6 after with 08:00 and 21:00: 14:00-19:00
		// and 03:00-06:00
		{"doxycycline, morning and evening", spaced(2, 6), []time.Duration{h(8), h(21)}, []Window{{h(3), h(6)}, {h(14), h(19)}}},
		// one evening intake, 4/4: 01:00-17:00
		{"one evening intake", spaced(4, 4), []time.Duration{h(21)}, []Window{{h(1), h(17)}}},
		// one intake at 22:00, 2 before / 6 after: 04:00-20:00
		{"past midnight", spaced(2, 6), []time.Duration{h(22)}, []Window{{h(4), h(20)}}},
		// an intake at 02:00 with 4/4: 06:00-22:00
		{"before midnight", spaced(4, 4), []time.Duration{h(2)}, []Window{{h(6), h(22)}}},
		// intakes at 06:00 and 18:00 with 8/8: no time is far enough
		{"no window", spaced(8, 8), []time.Duration{h(6), h(18)}, nil},
		{"no spacing", MedSpacing{Applies: true}, []time.Duration{h(8)}, nil},
		// a window that wraps: intake at 12:00, 2/2: 14:00-10:00
		{"wrapping", spaced(2, 2), []time.Duration{h(12)}, []Window{{h(14), h(10)}}},
	}
	for _, c := range cases {
		if got := MedWindows(c.s, c.times); !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s: got %v, want %v", c.name, got, c.want)
		}
	}
}
