package extract

import (
	"fmt"
	"unicode/utf8"
)

// MaxFileSize is the largest input file read; larger ones are refused
// before they are read whole.
const MaxFileSize = 64 << 20

// checkInput vets raw file bytes before parsing and returns UTF-8 text.
// Errors name the file.
func checkInput(path string, raw []byte) ([]byte, error) {
	if !utf8.Valid(raw) {
		return nil, fmt.Errorf("%s: not valid UTF-8", path)
	}
	return raw, nil
}
