package extract

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/kgbgraph/kgb/schema"
)

// TestUserCueLists checks that the context words read from lexicon files
// can be extended by the user: a word added to company_nouns.txt makes a
// quoted name after it a company, a word added to product_categories.txt a
// product.
func TestUserCueLists(t *testing.T) {
	dir := t.TempDir()
	for name, body := range map[string]string{
		"company_nouns.txt":      "酒企\n",
		"product_categories.txt": "白酒\n",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	plain := testExtractor(t)
	user, err := New(Options{LexiconDirs: []string{dir}})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		body string
		name string
		typ  schema.Type
	}{
		{`<p>西南酒企“岚泉坊”今年扩建了两条生产线。</p>`, "岚泉坊", schema.Company},
		{`<p>岚泉坊推出高端白酒“云栖十二”，售价较高。</p>`, "云栖十二", schema.Product},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a, err := Parse("t.html", []byte(tc.body))
			if err != nil {
				t.Fatal(err)
			}
			if e := findEntity(plain.Extract(a), tc.name); e != nil && e.Type == tc.typ {
				t.Fatalf("%s found as %s without the user's list; the test proves nothing", tc.name, tc.typ)
			}
			r := user.Extract(a)
			if e := findEntity(r, tc.name); e == nil || e.Type != tc.typ {
				t.Fatalf("with the user's list want %s/%s, got %s", tc.name, tc.typ, entityNames(r))
			}
		})
	}
}
