package msg

// dutch is the Dutch catalogue: messages (nlMessages) and command help
// (nlHelp), keyed by the English format string.
var dutch = merge(nlMessages, nlHelp)

func merge(cats ...map[string]string) map[string]string {
	out := map[string]string{}
	for _, c := range cats {
		for k, v := range c {
			if _, dup := out[k]; dup {
				panic("msg: key in two Dutch catalogues: " + k)
			}
			out[k] = v
		}
	}
	return out
}
