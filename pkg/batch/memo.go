package batch

// Rewriter is a RowWriter whose rows are a line number and a tail that
// depends only on the row (its form, amount and stated amount) and on the
// run's settings: the engine remembers the tail of a row it converted and
// writes it again for a later row that repeats it, without converting it
// again (a product list repeats its products).
type Rewriter interface {
	// Tail returns the text the last Write wrote after the line number;
	// it may change with the next Write.
	Tail() []byte
	// WriteTail writes a row of line whose text after the line number is
	// tail.
	WriteTail(line int, tail []byte) error
}

// The memo's bounds: at most maxMemoRows rows, of memoTailMax bytes each
// at most, so that a stream's memory stays flat.
const (
	maxMemoRows = 4096
	memoTailMax = 256
)

// The memo switches itself off where rows rarely repeat (every amount
// different), so that such a stream does not pay for it: once full, it
// counts its hits over memoWindow rows, and below memoMinHits it stands
// aside for memoRest rows, then tries again.
const (
	memoWindow  = 4096
	memoMinHits = memoWindow / 2
	memoRest    = 1 << 16
)

// memo remembers the rows a Rewriter wrote: by the line's text where the
// reader gives it (lines), else by the row (rowKey). Two lines that are
// the same row are two entries; one line is always the same row.
type memo struct {
	w    Rewriter
	rows map[string][]byte
	key  []byte
	// the hit rate: lookups and hits in the current window, and rows
	// left to stand aside for
	lookups, hits, rest int
}

// newMemo returns a memo for w, or nil when w cannot write a row again.
func newMemo(w any) *memo {
	rw, ok := w.(Rewriter)
	if !ok {
		return nil
	}
	return &memo{w: rw}
}

// rowKey is r's form, amount and stated amount, each with its length, in
// m.key: the memo's key for a row of a reader that gives no line's text
// (CSV).
func (m *memo) rowKey(r Row) []byte {
	k := m.key[:0]
	for _, s := range []string{r.Form, r.Amount, r.Stated} {
		k = append(k, byte(len(s)>>8), byte(len(s)))
		k = append(k, s...)
	}
	m.key = k
	return k
}

// write writes the row of line again when the memo holds the tail of the
// row key (a line's text, or rowKey) stands for: ok is false when it does
// not (convert the row, write it, then keep).
func (m *memo) write(key []byte, line int) (ok bool, err error) {
	if m == nil {
		return false, nil
	}
	if m.rest > 0 {
		m.rest--
		return false, nil
	}
	if len(key) > memoTailMax {
		return false, nil
	}
	tail, ok := m.rows[string(key)] // no allocation
	if len(m.rows) >= maxMemoRows {
		m.lookups++
		if ok {
			m.hits++
		}
		if m.lookups == memoWindow {
			if m.hits < memoMinHits {
				m.rest = memoRest
			}
			m.lookups, m.hits = 0, 0
		}
	}
	if !ok {
		return false, nil
	}
	return true, m.w.WriteTail(line, tail)
}

// keep remembers the tail of the row just written, under key, while there
// is room.
func (m *memo) keep(key []byte) {
	if m == nil || m.rest > 0 || len(m.rows) >= maxMemoRows {
		return
	}
	tail := m.w.Tail()
	if len(tail) > memoTailMax || len(key) > memoTailMax {
		return
	}
	if m.rows == nil {
		m.rows = make(map[string][]byte)
	}
	m.rows[string(key)] = append([]byte(nil), tail...)
}
