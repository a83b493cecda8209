package msg

import "sync"

// dutch is the Dutch catalogue: messages (nlMessages), command help
// (nlHelp) and what reading labels says (nlLabel), keyed by the English
// format string.
// It is built on first use: an English run never pays for it.
var dutch = sync.OnceValue(func() map[string]string { return merge(nlMessages(), nlHelp(), nlLabel(), nlJournal()) })

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
