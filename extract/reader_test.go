package extract

import (
	"bytes"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestParseFrontMatter(t *testing.T) {
	tests := []struct {
		name     string
		in       string
		wantErr  string
		title    string
		date     time.Time
		author   string
		cats     []string
		firstTxt string
	}{
		{
			name:  "36kr style with a blank line first",
			in:    "\n---\ntitle: '某公司完成新一轮融资'\ncategories: \n - 新媒体\n - 快讯\nauthor: 36kr\ndate: Wed, 14 Jul 2021 07:56:46 GMT\n---\n<div>正文第一句。</div>\n",
			title: "某公司完成新一轮融资", date: time.Date(2021, 7, 14, 7, 56, 46, 0, time.UTC), author: "36kr",
			cats: []string{"新媒体", "快讯"}, firstTxt: "正文第一句。",
		},
		{
			name:  "RFC 3339 date and a category string",
			in:    "---\ntitle: 标题\ndate: 2022-03-01T08:00:00+08:00\ncategories: 资讯, 汽车\n---\n正文。\n",
			title: "标题", date: time.Date(2022, 3, 1, 0, 0, 0, 0, time.UTC), cats: []string{"资讯", "汽车"}, firstTxt: "正文。",
		},
		{
			name:  "plain date",
			in:    "---\ntitle: 标题\ndate: 2020-05-06\n---\n正文。\n",
			title: "标题", date: time.Date(2020, 5, 6, 0, 0, 0, 0, time.UTC), firstTxt: "正文。",
		},
		{
			name:     "no front matter, Markdown title",
			in:       "# 一篇文章\n\n第一段。\n",
			title:    "一篇文章",
			firstTxt: "一篇文章",
		},
		{name: "bad YAML", in: "---\ntitle: [unclosed\n---\n正文\n", wantErr: "bad.md: front matter"},
		{name: "unterminated", in: "---\ntitle: x\n正文\n", wantErr: "never ends"},
		{name: "bad date", in: "---\ndate: yesterday\n---\n正文\n", wantErr: "date"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a, err := Parse("dir/bad.md", []byte(tc.in))
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) || !strings.Contains(err.Error(), "bad.md") {
					t.Fatalf("err = %v, want one naming the file and containing %q", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if a.Title != tc.title || !a.Date.Equal(tc.date) || a.Author != tc.author || strings.Join(a.Categories, ",") != strings.Join(tc.cats, ",") {
				t.Errorf("got title %q date %v author %q cats %v", a.Title, a.Date, a.Author, a.Categories)
			}
			if a.ID != "bad" || len(a.Hash) != 64 {
				t.Errorf("id %q hash %q", a.ID, a.Hash)
			}
			if len(a.Blocks) == 0 || a.Blocks[0].Text != tc.firstTxt {
				t.Errorf("blocks = %+v, want first %q", a.Blocks, tc.firstTxt)
			}
		})
	}
}

func TestTextAssembly(t *testing.T) {
	tests := []struct {
		name   string
		body   string
		blocks []string // "H:" prefix for headings
		links  []string // anchor text as found in block text → data-name
	}{
		{
			name:   "36kr long read: headings, anchors joined into words",
			body:   `<div><h2>01 市场格局</h2><p>其中，<a class="project-link" data-name="百度">百度</a>云与<a data-name="京东">京东</a>云增长较快。</p><p class="image-wrapper"><img src="x.png"></p></div>`,
			blocks: []string{"H:01市场格局", "其中，百度云与京东云增长较快。"},
			links:  []string{"百度=百度", "京东=京东"},
		},
		{
			name:   "36kr news flash: bare text in a div",
			body:   "<div>   \n某科技公司宣布完成B轮融资，本轮由甲资本领投。  \n</div>\n",
			blocks: []string{"某科技公司宣布完成B轮融资，本轮由甲资本领投。"},
		},
		{
			name:   "IT之家: spaces between Chinese and numbers go, images between paragraphs",
			body:   `<div><p data-vmark="a1">12 月 1 日，某厂商 2021 年营收 35.20 亿元，同比增长 12.5%。</p><p data-vmark="b2"><img src="y.png" alt="图"></p><p data-vmark="c3">其 3D 封装设备出货 Model 3 万台。</p></div>`,
			blocks: []string{"12月1日，某厂商2021年营收35.20亿元，同比增长12.5%。", "其3D封装设备出货Model 3万台。"},
		},
		{
			name:   "plain page: the article, not the navigation",
			body:   `<html><head><style>p{}</style></head><body><nav><p>首页 导航</p></nav><article><h1>标题</h1><p>正文<b>加粗</b>继续。</p><script>var x="不要";</script></article><footer><p>版权</p></footer></body></html>`,
			blocks: []string{"H:标题", "正文加粗继续。"},
		},
		{
			name:   "full-width digits and percent become ASCII, brackets stay",
			body:   "<p>增长２０％，见《某某计划（２０２１－２０２３年）》。</p>",
			blocks: []string{"增长20%，见《某某计划（2021-2023年）》。"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a, err := Parse("x.html", []byte(tc.body))
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			var links []string
			for _, b := range a.Blocks {
				s := b.Text
				if b.Kind == Heading {
					s = "H:" + s
				}
				got = append(got, s)
				for _, l := range b.Links {
					links = append(links, b.Text[l.Start:l.End]+"="+l.Name)
				}
			}
			if strings.Join(got, "|") != strings.Join(tc.blocks, "|") {
				t.Errorf("blocks\n got %q\nwant %q", got, tc.blocks)
			}
			if strings.Join(links, "|") != strings.Join(tc.links, "|") {
				t.Errorf("links got %q want %q", links, tc.links)
			}
		})
	}
}

func TestMarkdown(t *testing.T) {
	in := "---\ntitle: 标题\n---\n## 第一节\n\n这是**第一段**，提到[某公司](https://example.com)的\n进展。\n\n- 列表一项\n- 列表二项\n\n![图](a.png)\n"
	a, err := Parse("a.md", []byte(in))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"第一节", "这是第一段，提到某公司的进展。", "列表一项", "列表二项"}
	var got []string
	for _, b := range a.Blocks {
		got = append(got, b.Text)
	}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("got %q want %q", got, want)
	}
	if a.Blocks[0].Kind != Heading || a.Blocks[0].Level != 2 {
		t.Errorf("first block %+v, want a level-2 heading", a.Blocks[0])
	}
	l := a.Blocks[1].Links
	if len(l) != 1 || a.Blocks[1].Text[l[0].Start:l[0].End] != "某公司" {
		t.Errorf("links %+v", l)
	}
}

func TestReadFileErrorsNameTheFile(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "missing.md")
	if _, err := ReadFile(missing); err == nil || !strings.Contains(err.Error(), "missing.md") {
		t.Errorf("missing file: err = %v", err)
	}
	p := filepath.Join(dir, "ok.md")
	if err := os.WriteFile(p, []byte("---\ntitle: t\n---\n<p>内容。</p>"), 0o644); err != nil {
		t.Fatal(err)
	}
	a, err := ReadFile(p)
	if err != nil || a.Path != p || a.ID != "ok" {
		t.Fatalf("ReadFile = %+v, %v", a, err)
	}
}

func TestSplitSentences(t *testing.T) {
	tests := []struct{ in, want string }{
		{"甲。乙！丙？", "甲。|乙！|丙？"},
		{"他说“好。走吧。”然后离开。", "他说“好。走吧。”然后离开。"},
		{"《办法。草案》发布；随后实施", "《办法。草案》发布；|随后实施"},
	}
	for _, tc := range tests {
		var got []string
		for _, sp := range splitSentences(tc.in) {
			got = append(got, tc.in[sp[0]:sp[1]])
		}
		if strings.Join(got, "|") != tc.want {
			t.Errorf("splitSentences(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestLooksLikeHTML(t *testing.T) {
	for _, tc := range []struct {
		body string
		want bool
	}{
		{"<p>text</p>", true},
		{"# 标题\n\n正文 a < b", false},
		{"<DIV class=x>", true},
		{"<dİv>", true}, // İ lowers to i
		{"<dIv>", true},
		{"<SpAn>", true},
		{"<pre>code</pre>", true}, // "<p" is a prefix match
		{"<spa", false},
		{"<", false},
		{"", false},
		{"<a href=x>link</a>", false},
		{"<\u212Aey>", false}, // Kelvin sign lowers to k, in no opening
		{"1 <2 and <h3", true},
		{"<h4>", false},
	} {
		if got := looksLikeHTML([]byte(tc.body)); got != tc.want {
			t.Errorf("looksLikeHTML(%q) = %v, want %v", tc.body, got, tc.want)
		}
	}
}

// looksLikeHTMLRef is the first version, on a lowered copy of the body.
func looksLikeHTMLRef(body []byte) bool {
	lower := bytes.ToLower(body)
	for _, tag := range htmlOpenings {
		if bytes.Contains(lower, []byte("<"+tag)) {
			return true
		}
	}
	return false
}

func TestLooksLikeHTMLMatchesReference(t *testing.T) {
	pieces := []string{"<", "p", "P", "d", "D", "i", "I", "İ", "v", "V", "h", "1", "3", "s", "e", "c", "t", "o", "n",
		"a", "r", "l", "m", "b", "y", "S", "A", "N", "中", "\u212A", " ", ">"}
	rng := rand.New(rand.NewSource(2))
	for n := 0; n < 20000; n++ {
		var sb strings.Builder
		for k := rng.Intn(12); k >= 0; k-- {
			sb.WriteString(pieces[rng.Intn(len(pieces))])
		}
		body := []byte(sb.String())
		if got, want := looksLikeHTML(body), looksLikeHTMLRef(body); got != want {
			t.Fatalf("looksLikeHTML(%q) = %v, reference %v", body, got, want)
		}
	}
}
