package extract

import (
	"strings"

	"github.com/kgbgraph/kgb/schema"
)

// governmentHeads after a place name a government (中国政府, 深圳市政府).
var governmentHeads = []string{"省人民政府", "市人民政府", "人民政府", "省政府", "市政府", "区政府", "县政府", "政府"}

// governmentCands finds a place's government: an organization whatever the
// place.
func (x *Extractor) governmentCands(text string) []cand {
	var cs []cand
	for off := 0; ; {
		k := strings.Index(text[off:], "政府")
		if k < 0 {
			break
		}
		at := off + k
		off = at + len("政府")
		end := at + len("政府")
		for _, h := range governmentHeads {
			s := end - len(h)
			if s < 0 || text[s:end] != h {
				continue
			}
			n := x.dictEndingAt(text[:s])
			if n == 0 || x.dict.m[fold(text[s-n:s])].Type != schema.Region {
				continue
			}
			cs = append(cs, cand{Start: s - n, End: end, Surface: text[s-n : end], Type: schema.Organization, Kind: fromSuffix, Prio: 4})
			break
		}
	}
	return cs
}
