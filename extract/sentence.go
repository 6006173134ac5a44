package extract

import (
	"time"

	"github.com/kgbgraph/kgb/schema"
)

// sentence is one sentence of an article with the entity mentions found in
// it. It is the unit the relation and metric finders work on.
type sentence struct {
	Text     string
	Block    int       // index into Article.Blocks
	Heading  string    // text of the nearest heading above, "" if none
	Mentions []mention // in order of Start
}

// mention is one occurrence of an entity in a sentence, by byte offsets into
// sentence.Text, under the entity's canonical name.
type mention struct {
	Start, End int
	Name       string // canonical name
	Type       schema.Type
}

// docContext is what finders may need to know about the whole article.
type docContext struct {
	Date time.Time // article date; zero when unknown
	Lex  *Lexicon
}
