package cli

import (
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/mgcalc/mgcalc/pkg/limits"
	"github.com/mgcalc/mgcalc/pkg/msg"
	"github.com/mgcalc/mgcalc/pkg/render"
)

// newConfigCmd makes config and its subcommands; settings are the
// standing settings of the rest of the tree (standingSettings).
func newConfigCmd(s *IO, root *rootOptions, settings []string) *cobra.Command {
	list := strings.Join(settings, ", ")
	cmd := &cobra.Command{
		Use:   "config",
		Short: s.P.Help("config.short", "Show the settings in effect, or write a starter config file"),
		Long: s.P.Help("config.long", `Standing settings (%s) come from a flag,
an MGCALC_* variable (MGCALC_AUTHORITY=efsa), the config file or mgcalc's
default, in that order. 'config show' lists each with its value and where it
came from; 'config init' writes a commented starter file.

The config file is $XDG_CONFIG_HOME/mgcalc/config.yaml, else
~/.config/mgcalc/config.yaml, unless --config FILE or MGCALC_CONFIG names
another (which must then exist). Its keys are long flag names.

Exit status: 0, 1 for a config file that cannot be read or is broken or a
file that cannot be written, 2 for bad arguments or a file init would
overwrite without --force.`, list),
		Example: s.P.Help("config.example", `  mgcalc config show
  mgcalc config show -o json
  mgcalc config init
  mgcalc config init --print`),
		Args: unknownCommand,
		RunE: func(cmd *cobra.Command, _ []string) error { return cmd.Help() },
	}
	cmd.AddCommand(newConfigShowCmd(s, root, list), newConfigInitCmd(s, root))
	return cmd
}

func newConfigShowCmd(s *IO, root *rootOptions, list string) *cobra.Command {
	var person personOptions
	cmd := &cobra.Command{
		Use:   "show",
		Short: s.P.Help("config.show.short", "Every standing setting, its value and where it comes from"),
		Long: s.P.Help("config.show.long", `Lists every standing setting (%s) with the
value mgcalc uses and its origin: flag (given on this command line), env
(the MGCALC_* variable named), file (the config file and line) or default.
The person flags (--authority, --age, --sex, --pregnant, --lactating) are
accepted here so you can see a flag win.

-o json carries config_file (null when there is none to read),
config_file_origin (flag, env or default), config_file_found and settings:
a list of {name, value (as text; null when not set), origin, source (the
variable or file; null for flag and default, but "lang nl" for the
authority's default with Dutch output), line (null but for file)}.

Exit status: 0, 1 for a config file that cannot be read or is broken, 2 for
a bad flag or MGCALC_* value.`, list),
		Example: s.P.Help("config.show.example", `  mgcalc config show
  MGCALC_AUTHORITY=efsa mgcalc config show --age 40
  mgcalc config show -o json | jq -r '.settings[] | select(.origin != "default") | .name'`),
		Args: argsUsage(0, msg.New("no arguments")),
		RunE: func(cmd *cobra.Command, _ []string) error {
			// the standing settings of other commands (the plan's gut,
			// meds, …) are read from those commands' own flags, filled as
			// they would be when the command runs
			sets := []*pflag.FlagSet{cmd.Flags()}
			answered := func(name string) bool {
				for _, fs := range sets {
					if f := fs.Lookup(name); f != nil && kindOf(f) == standingKind {
						return true
					}
				}
				return false
			}
			for _, c := range cmd.Root().Commands() {
				if c != cmd.Parent() {
					if err := root.config.fill(c.Flags(), answered); err != nil {
						return err
					}
					sets = append(sets, c.Flags())
				}
			}
			return root.print(s, newConfigShow(root.settings.standing, sets, root.config))
		},
	}
	outputFlag(cmd, root, s.P, listOutput)
	person.addFlags(cmd, true, s.P)
	return cmd
}

// configShow is `config show`: the config file and every standing setting.
type configShow struct {
	File       *string       `json:"config_file"`
	FileOrigin *string       `json:"config_file_origin"`
	FileFound  bool          `json:"config_file_found"`
	Settings   []settingShow `json:"settings"`
}

type settingShow struct {
	Name   string  `json:"name"`
	Value  *string `json:"value"`
	Origin string  `json:"origin"`
	Source *string `json:"source"`
	Line   *int    `json:"line"`
}

// newConfigShow lists the standing settings of root's tree, each from
// the first of sets that declares it standing.
func newConfigShow(standing []string, sets []*pflag.FlagSet, st *configState) configShow {
	var out configShow
	if st.Path != "" {
		p, from := st.Path, st.From
		out.File, out.FileOrigin = &p, &from
	}
	out.FileFound = st.Found
	for _, name := range standing {
		row := settingShow{Name: name, Origin: originDefault}
		// the flag declared standing (plan's --gut, not log's)
		var f *pflag.Flag
		for _, fs := range sets {
			ff := fs.Lookup(name)
			if ff != nil && kindOf(ff) == standingKind {
				f = ff
				break
			}
			if f == nil {
				f = ff
			}
		}
		if f == nil {
			continue
		}
		if set, ok := st.settings[name]; ok {
			src := set.Source
			row.Origin = src.Kind
			n := src.Name
			row.Source = &n
			if src.Kind == originFile {
				l := src.Line
				row.Line = &l
			}
		} else if f.Changed {
			row.Origin = originFlag
		} else if name == "authority" && f.DefValue != limits.DefaultAuthority {
			// the default follows the language of the output
			src := "lang " + string(msg.Dutch)
			row.Source = &src
		}
		// a setting whose default is empty has no value until one is
		// given (age: an adult; lang: the locale decides)
		unset := f.DefValue == "" || f.DefValue == "0" || f.DefValue == "[]"
		if v := f.Value.String(); row.Origin != originDefault || !unset {
			row.Value = &v
		}
		out.Settings = append(out.Settings, row)
	}
	return out
}

func (c configShow) TSV() [][]string {
	rows := [][]string{{"setting", "value", "origin", "source", "line"}}
	for _, r := range c.Settings {
		line := ""
		if r.Line != nil {
			line = strconv.Itoa(*r.Line)
		}
		rows = append(rows, []string{r.Name, deref(r.Value), r.Origin, deref(r.Source), line})
	}
	return rows
}

func (c configShow) Value() (string, bool) { return "", false }

// Formats implements render.Report.
func (c configShow) Formats() []render.Format { return render.ListFormats }

func (c configShow) Text(t *render.Term) string {
	p := t.P
	var b strings.Builder
	switch {
	case c.File == nil:
		b.WriteString(p.S("config file: none (set XDG_CONFIG_HOME or HOME, or give --config FILE)") + "\n")
	case c.FileFound:
		b.WriteString(p.S("config file: %s", *c.File) + fileNamedBy(p, *c.FileOrigin) + "\n")
	default:
		b.WriteString(p.S("config file: %s (not there: 'mgcalc config init' writes one)", *c.File) + "\n")
	}
	b.WriteByte('\n')
	rows := [][]string{}
	for _, r := range c.Settings {
		value := p.S("not set")
		if r.Value != nil {
			value = *r.Value
		}
		var origin string
		switch r.Origin {
		case originFlag:
			origin = p.S("flag --%s", r.Name)
		case originEnv:
			origin = p.S("environment %s", deref(r.Source))
		case originFile:
			origin = p.S("config file, line %d", *r.Line)
		case originDefault:
			origin = p.S("default")
			if r.Source != nil { // the default follows the output language
				origin = p.S("default for Dutch output (%s)", *r.Source)
			}
		}
		rows = append(rows, []string{r.Name, value, origin})
	}
	b.WriteString(t.Table([]string{p.S("SETTING"), p.S("VALUE"), p.S("FROM")}, rows, nil))
	return b.String()
}

func (c configShow) Warnings() []*msg.Message { return nil }

func fileNamedBy(p msg.Printer, from string) string {
	switch from {
	case originFlag:
		return p.S(" (named by --config)")
	case originEnv:
		return p.S(" (named by MGCALC_CONFIG)")
	}
	return ""
}

func deref(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

func newConfigInitCmd(s *IO, root *rootOptions) *cobra.Command {
	var force, print bool
	cmd := &cobra.Command{
		Use:   "init [PATH]",
		Short: s.P.Help("config.init.short", "Write a commented starter config file"),
		Long: s.P.Help("config.init.long", `Writes a starter config file that explains every standing setting, each
commented out: uncomment what you want, then check with 'mgcalc config show'.

It goes where mgcalc reads it: PATH if given, else --config FILE or
MGCALC_CONFIG, else $XDG_CONFIG_HOME/mgcalc/config.yaml, else
~/.config/mgcalc/config.yaml. The directory is created; the file is written
atomically (a temporary file renamed into place) and never over an existing
file without --force. init does not read the existing file, so --force can
replace a broken one. It prints the path it wrote. --print (or PATH -)
writes the starter to stdout instead.

Exit status: 0 written, 1 the file cannot be written, 2 the file exists
(give --force) or bad arguments.`),
		Example: s.P.Help("config.init.example", `  mgcalc config init
  mgcalc config init --force
  mgcalc config init --print > my-config.yaml
  mgcalc config init ./project.yaml && mgcalc config show --config ./project.yaml`),
		Annotations: map[string]string{noConfigFile: "true"},
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) > 1 {
				return usageError(msg.Errorf("%s takes at most one PATH (got %s)", cmd.CommandPath(), msg.Plural(float64(len(args)), "%d argument", "%d arguments", len(args))))
			}
			if len(args) == 1 && strings.TrimSpace(args[0]) == "" {
				return usageError(msg.Errorf("the PATH is empty").
					WithHint("give a file name, leave PATH out for %s, or use --print", "$XDG_CONFIG_HOME/mgcalc/config.yaml"))
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			text := starterConfig(s.P)
			path := ""
			if len(args) == 1 {
				path = args[0]
			} else {
				path, _ = configPath(s.Getenv, root.ConfigFile)
			}
			if print || path == "-" {
				s.Out.WriteString(text)
				return nil
			}
			if path == "" {
				return usageError(msg.Errorf("no place for the config file: neither XDG_CONFIG_HOME nor HOME is set").
					WithHint("give a PATH, or --print to write it to stdout"))
			}
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				return dataError(msg.Errorf("cannot write %s: %s", path, errReason(err)))
			}
			if err := writeFileAtomic(path, force, func(w io.Writer) error {
				_, err := io.WriteString(w, text)
				return err
			}); err != nil {
				return err
			}
			return root.print(s, initReport{Path: path})
		},
	}
	cmd.Flags().BoolVar(&force, "force", false, s.P.Help("config.init.flag.force", "replace an existing config file"))
	cmd.Flags().BoolVar(&print, "print", false, s.P.Help("config.init.flag.print", "write the starter file to stdout instead"))
	oneRun(cmd.Flags(), "force", "print")
	outputFlag(cmd, root, s.P, listOutput)
	cmd.ValidArgsFunction = func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return []string{"yaml", "yml"}, cobra.ShellCompDirectiveFilterFileExt
	}
	return cmd
}

// initReport is what `config init` prints: the path it wrote.
type initReport struct {
	Path string `json:"path"`
}

func (r initReport) TSV() [][]string       { return [][]string{{"path"}, {r.Path}} }
func (r initReport) Value() (string, bool) { return "", false }

func (r initReport) Formats() []render.Format { return render.ListFormats }
func (r initReport) Warnings() []*msg.Message { return nil }
func (r initReport) Text(t *render.Term) string {
	return t.P.S("wrote %s", r.Path) + "\n" +
		t.Label("note", msg.New("every setting in it is commented out: uncomment what you want, then check with 'mgcalc config show'")) + "\n"
}

// starterConfig is the file `config init` writes. Every example in it is
// a valid setting: uncommented, each loads (a test checks).
func starterConfig(p msg.Printer) string {
	formats := formatNames()
	var b strings.Builder
	comment := func(s string) {
		for _, line := range strings.Split(s, "\n") {
			b.WriteString(strings.TrimRight("# "+line, " ") + "\n")
		}
	}
	comment(p.S(`mgcalc configuration: standing preferences, read by every mgcalc command.
Keys are long flag names. A flag on the command line wins over an MGCALC_*
variable (MGCALC_AUTHORITY=efsa), which wins over this file. Uncomment a
line to use it; 'mgcalc config show' shows what is in effect and where each
value comes from. Options for one calculation (--assay, --count, --stack,
--diet) cannot be set here.`))
	setting := func(about string, examples ...string) {
		b.WriteString("\n")
		comment(about)
		for _, e := range examples {
			b.WriteString("# " + e + "\n")
		}
	}
	setting(p.S("Output format: %s or %s.", strings.Join(formats[:len(formats)-1], ", "), formats[len(formats)-1]),
		"output: text")
	setting(p.S("Whose upper limit applies: nih (US IOM/NIH), efsa (EU SCF/EFSA), evm\n(UK EVM) or bfr (DE BfR)."),
		"authority: nih")
	setting(p.S("Age in years; fractions allowed (0.5 is six months). Not set: an adult."),
		"age: 40")
	setting(p.S("male or female: selects the RDA/AI column."),
		"sex: female")
	setting(p.S("Use the pregnancy or the lactation values: true or false."),
		"pregnant: false", "lactating: false")
	setting(p.S("Colour in text output: auto (on a terminal, unless NO_COLOR, CLICOLOR=0\nor TERM=dumb), always or never."),
		"color: auto")
	setting(p.Help("config.starter.lang", "Language of what a person reads: en or nl (machine output never changes)."),
		"lang: en")
	setting(p.Help("config.starter.gut", "For plan: your gut (normal or sensitive), your kidneys (normal or impaired;\nimpaired refuses every plan), your eGFR in mL/min, and conditions that rule\nmagnesium out (heart-block, bradycardia, myasthenia-gravis: plans are then\nrefused). Set them only if they are true for you."),
		"gut: normal", "kidney: normal", "egfr: 90", "condition: myasthenia-gravis")
	setting(p.Help("config.starter.meds", "For plan: medicines you take, comma separated, for their spacing."),
		"meds: levothyroxine")
	setting(p.Help("config.starter.morning", "For plan: the times of the morning and evening intakes in --ics calendars,\nand whether they carry a reminder."),
		"morning: 08:00", "evening: 21:00", "remind: false")
	setting(p.Help("config.starter.journal", "The journal of what you took (mgcalc log, today, journal): a file of your\nown instead of $XDG_DATA_HOME/mgcalc/journal.db."),
		"journal: /home/me/mgcalc/journal.db")
	return b.String()
}
