// Command floor is bench's second yardstick: the least a CLI on mgcalc's
// chosen stack does on every call. A cobra root with one subcommand, a
// viper that reads an optional config file, MGCALC_* variables and the
// bound flags, one line written, and exit. Built static, as mgcalc is. Its
// ratio to the hello-world is what cobra and viper cost before mgcalc does
// anything of its own; built with -tags fullstack (stack.go) it links
// lipgloss and yaml.v3 as well, the whole stack the user chose.
package main

import (
	"errors"
	"fmt"
	"os"

	"github.com/spf13/cobra"
	"github.com/spf13/viper"
)

func main() {
	v := viper.New()
	root := &cobra.Command{Use: "floor", SilenceUsage: true, SilenceErrors: true}
	root.PersistentFlags().String("authority", "us", "which upper limit")
	sub := &cobra.Command{
		Use:  "elemental FORM AMOUNT",
		Args: cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			_, err := fmt.Fprintf(cmd.OutOrStdout(), "%s %s %s\n", args[0], args[1], v.GetString("authority"))
			return err
		},
	}
	root.AddCommand(sub)
	root.PersistentPreRunE = func(cmd *cobra.Command, _ []string) error {
		v.SetConfigName("config")
		v.SetConfigType("yaml")
		if dir, err := os.UserConfigDir(); err == nil {
			v.AddConfigPath(dir + "/floor")
		}
		v.SetEnvPrefix("MGCALC")
		v.AutomaticEnv()
		if err := v.BindPFlags(cmd.Flags()); err != nil {
			return err
		}
		var missing viper.ConfigFileNotFoundError
		if err := v.ReadInConfig(); err != nil && !errors.As(err, &missing) {
			return err
		}
		return nil
	}
	if err := root.Execute(); err != nil {
		fmt.Fprintln(os.Stderr, "floor: error:", err)
		os.Exit(1)
	}
}
