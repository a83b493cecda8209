package cli

import (
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/mgcalc/mgcalc/pkg/msg"
	"github.com/mgcalc/mgcalc/pkg/render"
)

// shells are the shells `mgcalc completion` writes scripts for.
var shells = []string{"bash", "zsh", "fish", "powershell"}

func newCompletionCmd(s *IO) *cobra.Command {
	var noDesc bool
	cmd := &cobra.Command{
		Use:   "completion bash|zsh|fish|powershell",
		Short: s.P.Help("completion.short", "Print the shell completion script for bash, zsh, fish or PowerShell"),
		Long: s.P.Help("completion.long", `Prints a script that makes the shell complete mgcalc's commands, flags and
values: form names and variants (cit, then Tab, offers citrate,
citrate:nonahydrate, …), authorities, goals, output formats, and file names
for --stack, --csv, --config and --ics. Install it once:

bash (needs the bash-completion package):
  mgcalc completion bash > ~/.local/share/bash-completion/completions/mgcalc
  # or, for every user: mgcalc completion bash > /etc/bash_completion.d/mgcalc
  # or, this shell only: source <(mgcalc completion bash)

zsh (compinit must be enabled: autoload -U compinit; compinit in ~/.zshrc):
  mgcalc completion zsh > "${fpath[1]}/_mgcalc"

fish:
  mgcalc completion fish > ~/.config/fish/completions/mgcalc.fish

PowerShell (add this line to $PROFILE to keep it):
  mgcalc completion powershell | Out-String | Invoke-Expression

Start a new shell afterwards. Completion asks mgcalc itself for the
choices, so it stays right when mgcalc is updated.

Exit status: 0, 1 for a broken config file, 2 for a shell mgcalc does not
know.`),
		Example: s.P.Help("completion.example", `  mgcalc completion bash > ~/.local/share/bash-completion/completions/mgcalc
  mgcalc completion zsh > "${fpath[1]}/_mgcalc"
  mgcalc completion fish > ~/.config/fish/completions/mgcalc.fish
  source <(mgcalc completion bash)`),
		ValidArgs: shells,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usageError(msg.Errorf("%s takes one shell (got %s)", cmd.CommandPath(), msg.Plural(float64(len(args)), "%d argument", "%d arguments", len(args))).
					WithHint("give one of: %s", strings.Join(shells, ", ")))
			}
			for _, sh := range shells {
				if args[0] == sh {
					return nil
				}
			}
			return usageError(msg.Errorf("unknown shell %q", args[0]).
				WithHint("give one of: %s", strings.Join(shells, ", ")))
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			root, w := cmd.Root(), s.Out
			switch args[0] {
			case "bash":
				return root.GenBashCompletionV2(w, !noDesc)
			case "zsh":
				if noDesc {
					return root.GenZshCompletionNoDesc(w)
				}
				return root.GenZshCompletion(w)
			case "fish":
				return root.GenFishCompletion(w, !noDesc)
			default:
				if noDesc {
					return root.GenPowerShellCompletion(w)
				}
				return root.GenPowerShellCompletionWithDesc(w)
			}
		},
	}
	cmd.Flags().BoolVar(&noDesc, "no-descriptions", false, s.P.Help("completion.flag.no-descriptions", "complete without a description beside each choice"))
	oneRun(cmd.Flags(), "no-descriptions")
	return cmd
}

// completeSetup prepares the tree for completion, which is all that
// needs it (not every call): file names for the file flags, the command's
// own formats for -o, and argument choices filtered by what was typed.
func completeSetup(root *cobra.Command) {
	markFileFlags(root)
	filterArgCompletions(root)
	var walk func(*cobra.Command)
	walk = func(c *cobra.Command) {
		if commandFormats(c) != nil {
			_ = c.RegisterFlagCompletionFunc("output", completeOutput)
		}
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
}

// markFileFlags makes the shell complete file names for every flag in
// fileFlagNames, wherever in the tree it is declared.
func markFileFlags(root *cobra.Command) {
	var walk func(*cobra.Command)
	walk = func(c *cobra.Command) {
		for _, fs := range []*pflag.FlagSet{c.Flags(), c.PersistentFlags()} {
			for _, name := range fileFlagNames {
				if fs.Lookup(name) != nil {
					ff, _ := fileFlagOf(name)
					_ = cobra.MarkFlagFilename(fs, name, ff.exts...)
				}
			}
		}
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
}

// filterArgCompletions makes every command's argument completion offer
// only the choices that start with what was typed, in any case (form names
// match without case: "Cit" is citrate), so shells that do not filter (and
// scripts that call __complete) get the same list.
func filterArgCompletions(root *cobra.Command) {
	var walk func(*cobra.Command)
	walk = func(c *cobra.Command) {
		if f := c.ValidArgsFunction; f != nil {
			c.ValidArgsFunction = func(cmd *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
				all, d := f(cmd, args, toComplete)
				if toComplete == "" || d&cobra.ShellCompDirectiveFilterFileExt != 0 || d&cobra.ShellCompDirectiveFilterDirs != 0 {
					return all, d
				}
				return withPrefix(all, toComplete), d
			}
		}
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
}

// formatNames are the -o values, in render's order.
func formatNames() []string {
	out := make([]string, len(render.Formats))
	for i, f := range render.Formats {
		out[i] = string(f)
	}
	return out
}

func fixedCompletion(values ...string) func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
	return func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return values, cobra.ShellCompDirectiveNoFileComp
	}
}

// withPrefix keeps the choices that start with typed, without case.
func withPrefix(choices []string, typed string) []string {
	typed = strings.ToLower(typed)
	var out []string
	for _, s := range choices {
		if strings.HasPrefix(strings.ToLower(s), typed) {
			out = append(out, s)
		}
	}
	return out
}
