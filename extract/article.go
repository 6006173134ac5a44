package extract

import "time"

// Article is one input document after reading: its front matter and its body
// as an ordered list of text blocks, with markup gone and 36kr's auto-link
// anchors remembered (as hints, not truth) rather than kept as markup.
type Article struct {
	Path       string // where it was read from
	ID         string // stable id: the file's base name without extension
	Title      string
	Date       time.Time // zero when the article gives none
	Author     string
	Categories []string
	Hash       string // hex SHA-256 of the raw bytes
	Blocks     []Block
}

// BlockKind says whether a block is a heading or running text.
type BlockKind int

// Block kinds.
const (
	Paragraph BlockKind = iota
	Heading
)

// Block is a heading or paragraph of plain text. Anchors inside it are
// joined back into the surrounding text (腾讯</a>云 → 腾讯云).
type Block struct {
	Kind  BlockKind
	Level int // heading level 1–6; 0 for paragraphs
	Text  string
	Links []Link
}

// Link is an anchor's span inside Block.Text (byte offsets) and what the
// source said it names (36kr's data-name), which may split a word.
type Link struct {
	Start, End int
	Name       string
}
