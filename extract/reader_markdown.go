package extract

import (
	"regexp"
	"strings"
)

var (
	mdImage    = regexp.MustCompile(`!\[[^\]]*\]\([^)]*\)`)
	mdLink     = regexp.MustCompile(`\[([^\]]+)\]\([^)]*\)`)
	mdEmphasis = regexp.MustCompile("\\*\\*|__|`+|~~")
	mdListMark = regexp.MustCompile(`^\s*(?:[-*+]|\d+[.)])\s+`)
	mdHeading  = regexp.MustCompile(`^(#{1,6})\s+(.*?)\s*#*\s*$`)
)

// markdownBlocks reads Markdown or plain text: `#` headings, paragraphs
// separated by blank lines, list items as their own paragraphs. Links keep
// their text and are remembered as anchors like HTML ones.
func markdownBlocks(body []byte) []Block {
	var blocks []Block
	var para []string
	flush := func() {
		if len(para) == 0 {
			return
		}
		if b, ok := mdBlock(strings.Join(para, " "), Paragraph, 0); ok {
			blocks = append(blocks, b)
		}
		para = nil
	}
	for _, line := range strings.Split(string(body), "\n") {
		line = strings.TrimRight(line, "\r")
		t := strings.TrimSpace(line)
		switch {
		case t == "" || t == "---" || t == "***" || strings.HasPrefix(t, "```"):
			flush()
		case mdHeading.MatchString(t):
			flush()
			m := mdHeading.FindStringSubmatch(t)
			if b, ok := mdBlock(m[2], Heading, len(m[1])); ok {
				blocks = append(blocks, b)
			}
		case mdListMark.MatchString(line):
			flush()
			para = append(para, mdListMark.ReplaceAllString(line, ""))
			flush()
		default:
			para = append(para, strings.TrimPrefix(t, "> "))
		}
	}
	flush()
	return blocks
}

func mdBlock(s string, kind BlockKind, level int) (Block, bool) {
	s = mdImage.ReplaceAllString(s, "")
	s = mdEmphasis.ReplaceAllString(s, "")
	var bb blockBuilder
	last := 0
	for _, m := range mdLink.FindAllStringSubmatchIndex(s, -1) {
		bb.text(s[last:m[0]])
		bb.link(s[m[2]:m[3]], "")
		last = m[1]
	}
	bb.text(s[last:])
	return bb.build(kind, level)
}
