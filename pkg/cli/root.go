// Package cli is mgcalc's command tree. It is the layer that talks to the
// world (arguments, environment, files, the terminal); the domain packages
// it calls only compute.
package cli

import (
	"io"
	"os"
	"strings"
	"sync"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/mgcalc/mgcalc/pkg/forms"
	"github.com/mgcalc/mgcalc/pkg/kb"
	"github.com/mgcalc/mgcalc/pkg/limits"
	"github.com/mgcalc/mgcalc/pkg/msg"
	"github.com/mgcalc/mgcalc/pkg/plan"
	"github.com/mgcalc/mgcalc/pkg/render"
)

// Main runs mgcalc with args and returns the exit code.
func Main(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	return runTree(args, stdin, stdout, stderr, os.Getenv, func(s *IO) *cobra.Command {
		s.environ, s.lookupEnv = os.Environ, os.LookupEnv
		return newRootCmd(s)
	})
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer, getenv func(string) string) int {
	return runTree(args, stdin, stdout, stderr, getenv, newRootCmd)
}

// runTree runs the command tree that build makes. A panic anywhere below
// is a bug: it becomes exit 1 with one line on stderr, never a stack trace.
func runTree(args []string, stdin io.Reader, stdout, stderr io.Writer, getenv func(string) string,
	build func(*IO) *cobra.Command) (code int) {
	s := newIO(stdin, stdout, stderr, getenv)
	s.args = args
	lang, cfg := startSettings(args, getenv)
	s.P, _ = msg.NewPrinter(lang)
	s.config = cfg
	s.P = s.P.WithData(kb.DataCatalogue(string(s.P.Lang()))) // names and notes from data/, decoded on first use
	defer func() {
		if r := recover(); r != nil {
			printError(stderr, s.P, msg.Errorf("internal error: %v (please report this as a bug)", r))
			code = ExitError
		}
		s.finish(false) // (what is still pending: the command failed)
	}()
	root := build(s)
	root.SetArgs(args)
	root.SetOut(stdout)
	root.SetErr(stderr)
	err := root.Execute()
	code = ExitOK
	if err != nil {
		code = exitCode(err)
	}
	if s.stream != nil {
		if ferr := s.stream.Flush(); ferr != nil && err == nil {
			printError(stderr, s.P, ferr)
			return ExitError
		}
	}
	if code == ExitOK || code == ExitOverLimit {
		// a full disk or a closed stdout is an error, never a silent success
		if _, werr := stdout.Write(s.Out.Bytes()); werr != nil {
			printError(stderr, s.P, werr)
			return ExitError
		}
		// the files the command wrote are put in place last
		if ferr := s.finish(true); ferr != nil {
			printError(stderr, s.P, ferr)
			return exitCode(ferr)
		}
		return code
	}
	printError(stderr, s.P, err)
	return code
}

// rootOptions are the options every command shares.
type rootOptions struct {
	Output     string
	ConfigFile string
	Color      string
	Lang       string // --lang: en, nl, or "" (the locale); the printer is chosen before the tree
	Table      string // --table: a forms.yaml of the user's instead of the built-in form table
	format     render.Format
	path       string         // the command that runs, for messages
	settings   *settingsIndex // every flag of the tree by kind
	tables     tables
	lazy       map[string]func(*rootOptions) *cobra.Command // commands lazyCmd did not build, by name
	// config is what the root read: the config file and where each
	// standing setting not given as a flag came from.
	config *configState
}

// productSyntax is how cmd takes a product on its command line: FORM
// AMOUNT, two arguments, for elemental, compound and check (and their
// streams, one a line); FORM:AMOUNT for every other command (total, log,
// plan and today with --with).
func productSyntax(cmd *cobra.Command) msg.Syntax {
	for c := cmd; c != nil && c.HasParent(); c = c.Parent() {
		if c.Parent().HasParent() {
			continue
		}
		switch c.Name() {
		case "elemental", "compound", "check":
			return msg.ArgSyntax
		}
	}
	return msg.ItemSyntax
}

// noConfigFile marks a command that must run whatever the config file
// holds: config init, which can replace a broken one.
const noConfigFile = "mgcalc/no-config-file"

// versionLine is the version template's function: the build info is read
// only when --version asks. It is added to cobra's functions once, by the
// first tree.
func versionLine() string { return readVersion().Line() }

var templateOnce sync.Once

func newRootCmd(s *IO) *cobra.Command {
	root, _ := newRoot(s)
	return root
}

// newRoot makes the command tree and the options every command shares.
func newRoot(s *IO) (*cobra.Command, *rootOptions) {
	opts := &rootOptions{tables: defaultTables, Color: colorAuto}
	p := s.P
	root := &cobra.Command{
		Use:   "mgcalc",
		Short: p.Help("root.short", "Magnesium dose and form calculator"),
		Long: p.Help("root.long", `mgcalc turns the weight of a magnesium salt into the elemental magnesium it
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
language. Amounts take a decimal point or a decimal comma with one or two
digits after it (1.5g, 187,5 mg, 0,5 g); "1.830 mg" and "1,830 mg" are
refused as ambiguous (1.83 or 1830 mg?).`, exitCodesHelp(p), "`output: json`"),
		Example: p.Help("root.example", `  mgcalc elemental citrate 500
  mgcalc elemental chloride:anhydrous 1g -o value
  mgcalc compound bisglycinate 200
  mgcalc forms
  mgcalc forms show citrate
  mgcalc total citrate:500 bisglycinate:1000 oxide:250mg
  mgcalc limits --age 6
  mgcalc plan --goal sleep --gut sensitive
  mgcalc elemental acetate 500 --table acetate.yaml
  mgcalc config show`),
		SilenceErrors: true,
		SilenceUsage:  true,
		// read from the build info only when --version asks (see the
		// template below): the field just has to be set for the flag
		Version: "-",
		RunE: func(cmd *cobra.Command, _ []string) error {
			return cmd.Help()
		},
		PersistentPreRunE: func(cmd *cobra.Command, args []string) error {
			if cmd.Name() == cobra.ShellCompRequestCmd {
				// Completion needs no settings, and a broken file must not
				// break it. What only completion uses is set up now, not in
				// every call.
				completeSetup(cmd.Root())
				return nil
			}
			if err := emptyFileName(cmd, args); err != nil {
				return err
			}
			if err := nameFlagError(cmd); err != nil {
				return err
			}
			st, err := applyConfig(cmd, s, opts.settings, s.config, opts.ConfigFile, cmd.Annotations[noConfigFile] == "")
			if err != nil {
				return err
			}
			opts.config = st
			if opts.Table != "" {
				opts.tables = fileTables(opts.Table)
			}
			f, err := chooseFormat(cmd, opts.Output, st)
			if err != nil {
				return err
			}
			opts.format, opts.path = f, cmd.CommandPath()
			// a hint that names a product writes it as this command
			// takes one (hydroxide 1200mg, hydroxide:1200mg)
			s.P = s.P.WithSyntax(productSyntax(cmd))
			// Colour is decided once, now that --color, MGCALC_COLOR and
			// the config file are known; Term() reads it.
			s.decideColor(opts.Color, f == render.Text)
			return nil
		},
	}
	templateOnce.Do(func() { cobra.AddTemplateFunc("mgcalcVersion", versionLine) })
	root.SetVersionTemplate("mgcalc version {{mgcalcVersion}}\n")
	root.CompletionOptions.DisableDefaultCmd = true // newCompletionCmd replaces it
	root.SetFlagErrorFunc(flagError)
	// flag names of another language: --zwanger is --pregnant (msg.Word)
	root.SetGlobalNormalizationFunc(func(_ *pflag.FlagSet, name string) pflag.NormalizedName {
		if en, ok := msg.Word("flag", name); ok {
			return pflag.NormalizedName(en)
		}
		return pflag.NormalizedName(name)
	})
	// Unknown commands are usage errors, classified here rather than by
	// reading cobra's English.
	root.Args = unknownCommand
	helpCmd := newHelpCmd(s)
	root.SetHelpCommand(helpCmd)
	root.Flags().BoolP("version", "v", false, p.Help("root.flag.version", "print mgcalc's version and exit"))
	oneRun(root.Flags(), "version")
	pf := root.PersistentFlags()
	pf.StringVar(&opts.ConfigFile, "config", "", p.Help("root.flag.config", "config `file` (default $XDG_CONFIG_HOME/mgcalc/config.yaml)"))
	pf.Var(colorValue{&opts.Color}, "color", p.Help("root.flag.color", "colour in text output: auto, always or never"))
	pf.StringVar(&opts.Table, "table", "", p.Help("root.flag.table", "read the form table from this YAML `file` (the schema of data/forms.yaml) instead of the built-in one"))
	pf.Var(langValue{&opts.Lang}, "lang", p.Help("root.flag.lang", "language of the text output: en or nl (default: from LC_ALL, LC_MESSAGES or LANG)"))
	standing(pf, "color", "lang")
	oneRun(pf, "config")
	_ = root.RegisterFlagCompletionFunc("color", fixedCompletion(colorAuto, colorAlways, colorNever))
	_ = root.RegisterFlagCompletionFunc("lang", fixedCompletion(string(msg.English), string(msg.Dutch)))

	// Each command is built when the command line may run it (lazyCmd);
	// a stub stands in for the others.
	root.AddCommand(
		lazyCmd(s, opts, "elemental", false, func(r *rootOptions) *cobra.Command { return newElementalCmd(s, r) }),
		lazyCmd(s, opts, "compound", false, func(r *rootOptions) *cobra.Command { return newCompoundCmd(s, r) }),
		lazyCmd(s, opts, "forms", false, func(r *rootOptions) *cobra.Command { return newFormsCmd(s, r) }),
		lazyCmd(s, opts, "total", false, func(r *rootOptions) *cobra.Command { return newTotalCmd(s, r) }),
		lazyCmd(s, opts, "limits", false, func(r *rootOptions) *cobra.Command { return newLimitsCmd(s, r) }),
		lazyCmd(s, opts, "plan", false, func(r *rootOptions) *cobra.Command { return newPlanCmd(s, r) }),
		lazyCmd(s, opts, "check", false, func(r *rootOptions) *cobra.Command { return newCheckCmd(s, r) }),
		lazyCmd(s, opts, "label", false, func(r *rootOptions) *cobra.Command { return newLabelCmd(s, r) }),
		lazyCmd(s, opts, "log", true, func(r *rootOptions) *cobra.Command { return newLogCmd(s, r) }),
		lazyCmd(s, opts, "today", true, func(r *rootOptions) *cobra.Command { return newTodayCmd(s, r) }),
		lazyCmd(s, opts, "journal", true, func(r *rootOptions) *cobra.Command { return newJournalCmd(s, r) }),
		lazyCmd(s, opts, "version", false, func(r *rootOptions) *cobra.Command { return newVersionCmd(s, r) }),
		lazyCmd(s, opts, "completion", false, func(*rootOptions) *cobra.Command { return newCompletionCmd(s) }),
	)
	// config lists the standing settings the rest of the tree declares;
	// the index is made once, here, for applyConfig as well. Config is
	// built only with the whole tree (buildsAll), which its list needs.
	opts.settings = indexSettings(root)
	opts.settings.root, opts.settings.stubs = root, opts.lazy
	if len(opts.lazy) == 0 {
		config := newConfigCmd(s, opts, opts.settings.standing)
		root.AddCommand(config)
		opts.settings.add(config)
	} else {
		config := lazyCmd(s, opts, "config", false, nil)
		root.AddCommand(config)
		opts.settings.config = func(standing []string) *cobra.Command {
			return newConfigCmd(s, &rootOptions{tables: defaultTables}, standing)
		}
	}
	// In English cobra's own usage text is the same (a test proves it), so
	// only another language pays for walking the tree.
	if p.Lang() != msg.English {
		localizeHelp(root, p, helpCmd)
	}
	return root, opts
}

// Command returns mgcalc's command tree as its documentation shows it:
// built without an environment or a terminal, in English. cmd/gen-docs
// uses it.
func Command() *cobra.Command {
	s := newIO(strings.NewReader(""), io.Discard, io.Discard, func(string) string { return "" })
	s.P = msg.EN
	return newRootCmd(s)
}

// newHelpCmd replaces cobra's help command, which prints the root help and
// exits 0 for a topic it does not know: a script must never read success
// from a command that did not run.
func newHelpCmd(s *IO) *cobra.Command {
	return &cobra.Command{
		Use:   "help [command]",
		Short: s.P.Help("help.short", "Help about any command"),
		Long: s.P.Help("help.long", `Help for any command: 'mgcalc help total' is 'mgcalc total --help'.

Exit status: 0 with the help; 2 for a command mgcalc does not have.`),
		Example: s.P.Help("help.example", `  mgcalc help
  mgcalc help plan`),
		RunE: func(c *cobra.Command, args []string) error {
			target, rest, err := c.Root().Find(args)
			if err != nil || len(rest) > 0 {
				topic := strings.Join(args, " ")
				m := msg.Errorf("no help topic %q", topic)
				if sugg := suggest(c.Root(), args[0]); len(sugg) > 0 {
					return usageError(m.WithHint("did you mean %s?", strings.Join(sugg, " or ")))
				}
				return usageError(m.WithHint("run 'mgcalc --help' for the commands"))
			}
			return target.Help()
		},
	}
}

// suggestionDistance is how far a mistyped command may be from a real
// one to be suggested (cobra's edit distance), for every command alike.
const suggestionDistance = 3

// suggest is the one rule for suggesting a command for a mistyped word.
func suggest(cmd *cobra.Command, word string) []string {
	cmd.SuggestionsMinimumDistance = suggestionDistance
	return cmd.SuggestionsFor(word)
}

// unknownCommand is the Args of a command whose arguments can only be
// subcommands: anything else is a usage error with a suggestion.
func unknownCommand(cmd *cobra.Command, args []string) error {
	if len(args) == 0 {
		return nil
	}
	return unknownCommandHint(cmd, args, msg.New("run '%s --help' for the commands", cmd.CommandPath()))
}

// unknownCommandHint is unknownCommand with the hint for a word nothing
// resembles.
func unknownCommandHint(cmd *cobra.Command, args []string, hint *msg.Message) error {
	if len(args) == 0 {
		return nil
	}
	for _, c := range cmd.Commands() {
		if c.Name() == args[0] || c.HasAlias(args[0]) {
			// "mgcalc -- total …": after "--" a word is an argument, so the
			// command did not run; never report success for it
			return usageError(msg.Errorf("%q comes after \"--\", so it is not run as a command", args[0]).
				WithHint("drop the --: %s %s", cmd.CommandPath(), strings.Join(args, " ")))
		}
	}
	m := msg.Errorf("unknown command %q for %q", args[0], cmd.CommandPath())
	if sugg := suggest(cmd, args[0]); len(sugg) > 0 {
		return usageError(m.WithHint("did you mean %s?", strings.Join(sugg, " or ")))
	}
	m.Hint = hint
	return usageError(m)
}

// tables loads the knowledge tables; tests can substitute them.
type tables struct {
	Forms  func() (*forms.Table, error)
	Limits func() (*limits.Tables, error)
	Plan   func() (*plan.Knowledge, error)
}

var defaultTables = tables{Forms: kb.Forms, Limits: kb.Limits, Plan: kb.Plan}

// maxTableSize bounds a --table file: the built-in forms.yaml is 16 KiB.
const maxTableSize = 1 << 20

// fileTables are the built-in tables with the form table read from path
// (--table), when a command first needs it: a command that uses no form
// table never reads the file. The plan's knowledge is built against that
// table and fails where the table lacks a form the plan names.
func fileTables(path string) tables {
	formsOnce := sync.OnceValues(func() (*forms.Table, error) {
		b, err := readUser(nil, path, maxTableSize)
		if err != nil {
			return nil, msg.Errorf("form table %s: %s", path, err)
		}
		if len(strings.TrimSpace(string(b))) == 0 {
			return nil, msg.Errorf("form table %s: the file is empty", path)
		}
		t, err := kb.FormsFrom(b)
		if err != nil {
			return nil, withHint(msg.Errorf("form table %s: %s", path, err), err)
		}
		t.File = path
		// a richer salt than the file holds still exists (dose.RicherSaltCarries)
		if b, err := kb.Forms(); err == nil {
			t.RichestKnown = b.MaxFraction()
		}
		return t, nil
	})
	return tables{
		Forms:  formsOnce,
		Limits: kb.Limits,
		Plan: sync.OnceValues(func() (*plan.Knowledge, error) {
			t, err := formsOnce()
			if err != nil {
				return nil, err
			}
			k, err := kb.PlanFor(t)
			if err != nil {
				return nil, withHint(msg.Errorf("form table %s: the plan's knowledge does not fit it: %s", path, err), err)
			}
			return k, nil
		}),
	}
}

// argsUsage returns an Args validator that accepts exactly n arguments and
// otherwise fails with a usage error naming them.
func argsUsage(n int, names *msg.Message) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) != n {
			m := msg.Errorf("%s takes %s (got %s)", cmd.CommandPath(), names, msg.Plural(float64(len(args)), "%d argument", "%d arguments", len(args)))
			// a word like a subcommand (plan goal): suggest it, by the one
			// rule for mistyped commands
			if len(args) > n && cmd.HasSubCommands() {
				if sugg := suggest(cmd, args[n]); len(sugg) > 0 {
					return usageError(m.WithHint("did you mean %s?", strings.Join(sugg, " or ")))
				}
			}
			return usageError(m.WithHint("run '%s --help' for usage", cmd.CommandPath()))
		}
		return nil
	}
}
