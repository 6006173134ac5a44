package extract

import (
	"testing"

	"github.com/kgbgraph/kgb/schema"
)

// TestMergedKeyIsKeyOfJoinedName: the shortcut must give what keying the
// joined name gives, for names whose end could combine with what follows
// (a combining mark, a Hangul lead jamo, a fullwidth form, a space).
func TestMergedKeyIsKeyOfJoinedName(t *testing.T) {
	names := []string{
		"行深智能", "Hertz", "ＡＢＣ", "Cafe\u0301", "e\u0301", "\u1100", "가", "\u1100\u1161",
		"镁信 ", "“小米”", "A\u030a", "ﬁ", "", "Ω", "\u212a", "\u0301",
	}
	shortcuts := 0
	for i, suf := range mergeEndings {
		if mergeEndingKeys[i] != "" {
			shortcuts++
		}
		for _, n := range names {
			if got, want := mergedKey(n, schema.Key(n), i), schema.Key(n+suf); got != want {
				t.Errorf("mergedKey(%q, %q) = %q, want %q", n, suf, got, want)
			}
		}
	}
	if shortcuts != len(mergeEndings) {
		t.Errorf("%d of %d endings take the shortcut; a new ending that starts with a combining rune is fine, but check why", shortcuts, len(mergeEndings))
	}
}

// TestEndingKey: an ending that can combine with the rune before it gets
// no key of its own, so mergedKey keys the joined name.
func TestEndingKey(t *testing.T) {
	for _, tc := range []struct{ suf, want string }{
		{"集团", "集团"},
		{" Inc.", "inc."},
		{"\u0301 Inc", ""}, // a combining acute joins the name's last letter
		{"\u1161", ""},     // a Hangul vowel joins a lead jamo
		{"", ""},
	} {
		if got := endingKey(tc.suf); got != tc.want {
			t.Errorf("endingKey(%q) = %q, want %q", tc.suf, got, tc.want)
		}
	}
}
