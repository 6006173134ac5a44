package extract

import (
	"maps"
	"testing"
)

// formCounts must count as the map it replaced did.
func TestFormCountsCountLikeAMap(t *testing.T) {
	for _, adds := range [][]string{
		nil,
		{"华为"},
		{"华为", "华为", "Huawei", "华为", "Huawei"},
		{"a", "b", "c", "a", "", ""},
	} {
		var fs formCounts
		want := map[string]int{}
		for i, f := range adds {
			fs.add(f, i+1)
			want[f] += i + 1
		}
		got := map[string]int{}
		for _, fc := range fs {
			if _, dup := got[fc.form]; dup {
				t.Errorf("%q listed twice in %v", fc.form, fs)
			}
			got[fc.form] = fc.n
		}
		if !maps.Equal(got, want) {
			t.Errorf("after %q: %v, want %v", adds, got, want)
		}
	}
}
