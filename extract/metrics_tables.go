package extract

import (
	"slices"
	"sort"
	"strings"
	"sync"
)

// metricTables is the lexicon's metric lists in the form findMetrics needs.
type metricTables struct {
	units        *unitTable
	approxBefore []string // longest first
	approxAfter  []string
	measures     []string // longest first
	money        map[string]bool
	direction    map[string]bool
	generic      map[string]bool
}

// tablesFor builds the tables of a lexicon. An Extractor builds them once
// (New) and shares them between articles and goroutines: nothing writes to
// them afterwards, and the lists are clipped so that an append copies.
// Caching them per Lexicon instead would keep every Lexicon alive.
func tablesFor(lx *Lexicon) *metricTables {
	if lx == nil {
		lx = shippedLexicon()
	}
	t := &metricTables{units: newUnitTable(lx), money: map[string]bool{}, direction: map[string]bool{}, generic: map[string]bool{}}
	for _, e := range lx.List("approx") {
		if e.Value == "after" {
			t.approxAfter = append(t.approxAfter, e.Word)
		} else {
			t.approxBefore = append(t.approxBefore, e.Word)
		}
	}
	for _, e := range lx.List("measures") {
		t.measures = append(t.measures, e.Word)
		switch e.Value {
		case "money":
			t.money[e.Word] = true
		case "direction":
			t.direction[e.Word] = true
		case "generic":
			t.generic[e.Word] = true
		}
	}
	byLen := func(ws []string) {
		sort.SliceStable(ws, func(i, j int) bool { return len(ws[i]) > len(ws[j]) })
	}
	byLen(t.approxBefore)
	byLen(t.approxAfter)
	byLen(t.measures)
	t.approxBefore, t.approxAfter, t.measures = slices.Clip(t.approxBefore), slices.Clip(t.approxAfter), slices.Clip(t.measures)
	return t
}

var shipped struct {
	once sync.Once
	lx   *Lexicon
}

// isMoney reports a measure that counts money (营收, 净利润规模), so that a
// figure given only as 亿 is in CNY.
func (t *metricTables) isMoney(measure string) bool {
	for w := range t.money {
		if strings.Contains(measure, w) {
			return true
		}
	}
	return false
}

func shippedLexicon() *Lexicon {
	shipped.once.Do(func() {
		lx, err := LoadLexicon()
		if err != nil {
			// the shipped lists are embedded and tested; an error here is a
			// broken build, and empty lists are the only safe answer
			lx = &Lexicon{lists: map[string][]Entry{}}
		}
		shipped.lx = lx
	})
	return shipped.lx
}
