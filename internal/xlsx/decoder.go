package xlsx

import (
	"encoding/xml"
)

// maxDepth bounds how deeply elements may nest. A worksheet nests about
// six deep; the decoder keeps every open element, so a file of nothing
// but opening tags would otherwise cost memory by the gigabyte.
const maxDepth = 100

// decoder is an xml.Decoder that refuses nesting beyond maxDepth.
type decoder struct {
	*xml.Decoder
	depth int
}

// Token is xml.Decoder's, counting depth.
func (d *decoder) Token() (xml.Token, error) {
	tok, err := d.Decoder.Token()
	switch tok.(type) {
	case xml.StartElement:
		if d.depth++; d.depth > maxDepth {
			return nil, malformed("elements nested more than %d deep", maxDepth)
		}
	case xml.EndElement:
		d.depth--
	}
	return tok, err
}

// Skip reads to the end of the element just started, through Token.
func (d *decoder) Skip() error {
	for depth := 1; depth > 0; {
		tok, err := d.Token()
		if err != nil {
			return err
		}
		switch tok.(type) {
		case xml.StartElement:
			depth++
		case xml.EndElement:
			depth--
		}
	}
	return nil
}
