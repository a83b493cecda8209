package label_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mgcalc/mgcalc/pkg/kb"
	"github.com/mgcalc/mgcalc/pkg/label"
)

func opts(t testing.TB) label.Options {
	ft, err := kb.Forms()
	if err != nil {
		t.Fatal(err)
	}
	lt, err := kb.Limits()
	if err != nil {
		t.Fatal(err)
	}
	return label.Options{Forms: ft, Refs: lt.LabelValues}
}

func dump(l *label.Label) string {
	var b strings.Builder
	for _, ln := range l.Lines {
		form := ln.FormName
		if ln.Form != nil {
			form = ln.Form.Key
		}
		v := ""
		if ln.Variant != nil {
			v = ln.Variant.Key
		}
		fmt.Fprintf(&b, "%d %s/%s %s form=%s:%s c=%.4g e=%.4g", ln.Line, ln.Kind, ln.Reason, ln.Declared, form, v, ln.CompoundMg, ln.ElementalMg)
		if ln.Check != nil {
			fmt.Fprintf(&b, " check=%s", ln.Check.Verdict)
		}
		if ln.RI != nil {
			ref := ""
			if ln.RI.Ref != nil {
				ref = ln.RI.Ref.Key
			}
			fmt.Fprintf(&b, " ri=%v/%s/%.1f/%v", ln.RI.Percent, ref, ln.RI.Computed, ln.RI.Consistent)
		}
		if ln.Err != nil {
			fmt.Fprintf(&b, " err=%s", ln.Err)
		}
		fmt.Fprintf(&b, "  | %s\n", ln.Text)
	}
	fmt.Fprintf(&b, "serving %+v perday %+v stated=%v per serving %.4g\n", l.Serving, l.PerDay, l.PerDayStated, l.ElementalPerServing())
	for _, n := range l.Notes {
		fmt.Fprintf(&b, "note: %s\n", n)
	}
	return b.String()
}

func TestDebug(t *testing.T) {
	s := os.Getenv("LABEL")
	if s == "" {
		t.Skip()
	}
	l, err := label.ParseText(strings.ReplaceAll(s, `\n`, "\n"), opts(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Log("\n" + dump(l))
}

func TestDebugFiles(t *testing.T) {
	if os.Getenv("LABELFILES") == "" {
		t.Skip()
	}
	files, _ := filepath.Glob("../../testdata/labels/*.txt")
	for _, f := range files {
		b, _ := os.ReadFile(f)
		l, err := label.ParseText(string(b), opts(t))
		if err != nil {
			t.Errorf("%s: %v", f, err)
			continue
		}
		t.Logf("== %s\n%s", f, dump(l))
	}
}

func TestDebugAtoms(t *testing.T) {
	s := os.Getenv("ATOMS")
	if s == "" {
		t.Skip()
	}
	for _, a := range label.DebugAtoms(s, opts(t).Forms) {
		t.Log(a)
	}
}

func TestDebugDSLD(t *testing.T) {
	if os.Getenv("LABELFILES") == "" {
		t.Skip()
	}
	files, _ := filepath.Glob("../../testdata/labels/*.json")
	for _, f := range files {
		b, _ := os.ReadFile(f)
		ls, err := label.ParseDSLD(b, opts(t))
		if err != nil {
			t.Errorf("%s: %v", f, err)
			continue
		}
		for _, l := range ls {
			t.Logf("== %s %s %s\n%s", f, l.ID, l.Name, dump(l))
		}
	}
}
