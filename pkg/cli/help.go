package cli

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/mgcalc/mgcalc/pkg/msg"
)

// Help in the user's language. Each command's Short, Long and Example and
// each flag's usage go through the printer when the tree is built; what
// cobra and pflag would print in English (the usage headings, the flag
// types and defaults, -h's description) is printed here instead. In
// English the output is exactly cobra's and pflag's.

// localizeHelp sets the usage function of the tree and gives every
// command its -h, --help flag with a translated description; more are
// commands not yet in the tree (the help command, which cobra adds when
// it runs).
func localizeHelp(root *cobra.Command, p msg.Printer, more ...*cobra.Command) {
	root.SetUsageFunc(usageFunc(p))
	var walk func(*cobra.Command)
	walk = func(c *cobra.Command) {
		if c.Flags().Lookup("help") == nil {
			c.Flags().BoolP("help", "h", false, p.Help("flag.help", "help for %s", c.DisplayName()))
			_ = c.Flags().SetAnnotation("help", cobra.FlagSetByCobraAnnotation, []string{"true"})
		}
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
	for _, c := range more {
		walk(c)
	}
}

// usageFunc is cobra's default usage function (cobra 1.10) with its
// headings and flag listings in p's language.
func usageFunc(p msg.Printer) func(*cobra.Command) error {
	return func(c *cobra.Command) error {
		var b strings.Builder
		b.WriteString(p.S("Usage:"))
		if c.Runnable() {
			line := c.UseLine()
			if rest, ok := strings.CutSuffix(line, " [flags]"); ok {
				line = rest + " " + p.S("[flags]")
			}
			fmt.Fprintf(&b, "\n  %s", line)
		}
		if c.HasAvailableSubCommands() {
			fmt.Fprintf(&b, "\n  %s %s", c.CommandPath(), p.S("[command]"))
		}
		if len(c.Aliases) > 0 {
			fmt.Fprintf(&b, "\n\n%s\n  %s", p.S("Aliases:"), c.NameAndAliases())
		}
		if c.HasExample() {
			fmt.Fprintf(&b, "\n\n%s\n%s", p.S("Examples:"), c.Example)
		}
		if c.HasAvailableSubCommands() {
			fmt.Fprintf(&b, "\n\n%s", p.S("Available Commands:"))
			for _, sub := range c.Commands() {
				if sub.IsAvailableCommand() || sub.Name() == "help" {
					fmt.Fprintf(&b, "\n  %s %s", rpad(sub.Name(), sub.NamePadding()), sub.Short)
				}
			}
		}
		if c.HasAvailableLocalFlags() {
			fmt.Fprintf(&b, "\n\n%s\n", p.S("Flags:"))
			b.WriteString(strings.TrimRight(flagUsages(p, c.LocalFlags()), " \t\n"))
		}
		if c.HasAvailableInheritedFlags() {
			fmt.Fprintf(&b, "\n\n%s\n", p.S("Global Flags:"))
			b.WriteString(strings.TrimRight(flagUsages(p, c.InheritedFlags()), " \t\n"))
		}
		if c.HasHelpSubCommands() {
			fmt.Fprintf(&b, "\n\n%s", p.S("Additional help topics:"))
			for _, sub := range c.Commands() {
				if sub.IsAdditionalHelpTopicCommand() {
					fmt.Fprintf(&b, "\n  %s %s", rpad(sub.CommandPath(), sub.CommandPathPadding()), sub.Short)
				}
			}
		}
		if c.HasAvailableSubCommands() {
			b.WriteString("\n\n" + p.S("Use \"%s [command] --help\" for more information about a command.", c.CommandPath()))
		}
		b.WriteString("\n")
		_, err := fmt.Fprint(c.OutOrStderr(), b.String())
		return err
	}
}

func rpad(s string, n int) string { return fmt.Sprintf("%-*s", n, s) }

// flagUsages is pflag's FlagUsages (pflag 1.0.10, unwrapped) with the
// value's type name and the default in p's language.
func flagUsages(p msg.Printer, fs *pflag.FlagSet) string {
	var lines []string
	maxlen := 0
	fs.VisitAll(func(f *pflag.Flag) {
		if f.Hidden {
			return
		}
		line := ""
		if f.Shorthand != "" && f.ShorthandDeprecated == "" {
			line = fmt.Sprintf("  -%s, --%s", f.Shorthand, f.Name)
		} else {
			line = fmt.Sprintf("      --%s", f.Name)
		}
		varname, usage := pflag.UnquoteUsage(f)
		if varname != "" {
			if _, quoted := backquoted(f.Usage); !quoted {
				varname = typeName(p, varname)
			}
			line += " " + varname
		}
		if f.NoOptDefVal != "" {
			switch f.Value.Type() {
			case "string":
				line += fmt.Sprintf("[=\"%s\"]", f.NoOptDefVal)
			case "bool", "boolfunc":
				if f.NoOptDefVal != "true" {
					line += fmt.Sprintf("[=%s]", f.NoOptDefVal)
				}
			default:
				line += fmt.Sprintf("[=%s]", f.NoOptDefVal)
			}
		}
		line += "\x00"
		if len(line) > maxlen {
			maxlen = len(line)
		}
		line += usage
		if !defaultIsZero(f) {
			if f.Value.Type() == "string" {
				line += p.S(" (default %q)", f.DefValue)
			} else {
				line += p.S(" (default %s)", f.DefValue)
			}
		}
		if f.Deprecated != "" {
			line += fmt.Sprintf(" (DEPRECATED: %s)", f.Deprecated)
		}
		lines = append(lines, line)
	})
	var b strings.Builder
	for _, line := range lines {
		i := strings.Index(line, "\x00")
		fmt.Fprintln(&b, line[:i], strings.Repeat(" ", maxlen-i), line[i+1:])
	}
	return b.String()
}

// backquoted returns the name in `backquotes` in a flag's usage.
func backquoted(usage string) (string, bool) {
	_, rest, ok := strings.Cut(usage, "`")
	if !ok {
		return "", false
	}
	name, _, ok := strings.Cut(rest, "`")
	return name, ok
}

// typeName words a flag's value type, as pflag names it, for the help.
func typeName(p msg.Printer, name string) string {
	switch name {
	case "string":
		return p.S("string")
	case "strings":
		return p.S("strings")
	case "stringArray":
		return p.S("stringArray")
	case "number":
		return p.S("number")
	case "units":
		return p.S("units")
	case "when":
		return p.S("when")
	case "lang":
		return p.S("lang")
	}
	return name
}

// defaultIsZero is pflag's defaultIsZeroValue for the flag types mgcalc
// uses: a default that is the type's zero value is not shown.
func defaultIsZero(f *pflag.Flag) bool {
	switch f.Value.Type() {
	case "bool":
		return f.DefValue == "false" || f.DefValue == ""
	case "string":
		return f.DefValue == ""
	case "stringSlice", "stringArray":
		return f.DefValue == "[]"
	case "int", "float64":
		return f.DefValue == "0"
	}
	switch f.DefValue {
	case "false", "<nil>", "", "0":
		return true
	}
	return false
}
