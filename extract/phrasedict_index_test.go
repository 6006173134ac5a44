package extract

import (
	"slices"
	"testing"
)

// indexFirsts must give findAll the same lengths as the byFirst map, and
// an entry added afterwards must not be missed.
func TestPhraseDictIndexFirsts(t *testing.T) {
	cases := []struct {
		name  string
		forms []string
		added []string // added after indexFirsts
		text  string
		want  []string
	}{
		{"han", []string{"华为", "华为云", "云"}, nil, "华为云和云", []string{"华为云", "云"}},
		{"latin", []string{"AI", "SAIC"}, nil, "SAIC的AI", []string{"SAIC", "AI"}},
		{"astral", []string{"𠀀字", "字"}, nil, "𠀀字字", []string{"𠀀字", "字"}},
		{"added later", []string{"华为"}, []string{"小米"}, "华为小米", []string{"华为", "小米"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := newPhraseDict()
			d.add(&lexEntry{Canon: c.forms[0], Forms: c.forms})
			d.indexFirsts()
			for r := range d.byFirst {
				if got := d.lengthsFrom(r); !slices.Equal(got, d.byFirst[r]) {
					t.Errorf("lengthsFrom(%q) = %v, byFirst %v", r, got, d.byFirst[r])
				}
			}
			if got := d.lengthsFrom('无'); got != nil {
				t.Errorf("lengthsFrom of a rune starting nothing = %v", got)
			}
			for _, f := range c.added {
				d.add(&lexEntry{Canon: f, Forms: []string{f}})
			}
			var got []string
			for _, m := range d.findAll(c.text) {
				got = append(got, c.text[m.Start:m.End])
			}
			if !slices.Equal(got, c.want) {
				t.Errorf("findAll(%q) = %q, want %q", c.text, got, c.want)
			}
		})
	}
}
