// Command hello is the yardstick of bench: the smallest Go program that
// starts, writes a line and exits. Built static, as mgcalc is.
package main

import "os"

func main() { os.Stdout.WriteString("hello\n") }
