package xlsx

import (
	"strconv"
)

// NumberFormat is one of the built-in number formats the exports use;
// built-in ones need no format code in the file, and every spreadsheet
// knows them.
type NumberFormat int

// The number formats in use.
const (
	General NumberFormat = 0
	Money   NumberFormat = 4  // #,##0.00
	Text    NumberFormat = 49 // @: a typed number stays text, so long id numbers keep every digit
)

// Style is how a cell looks.
type Style struct {
	Format NumberFormat
	Bold   bool
	Centre bool // centred both ways, text wrapped: for headings over merged cells
}

// StyleID names a style added to a Writer; 0 is the default look.
type StyleID int

// AddStyle registers a style and gives its id; adding the same style
// twice gives the same id.
func (w *Writer) AddStyle(s Style) StyleID {
	for i, have := range w.styles {
		if have == s {
			return StyleID(i + 1)
		}
	}
	w.styles = append(w.styles, s)
	return StyleID(len(w.styles))
}

// stylesXML is xl/styles.xml: the default font and a bold one, the two
// fills and the border every workbook must declare, and one cell format
// per style after the default.
func (w *Writer) stylesXML() []byte {
	const font = `<sz val="11"/><name val="Calibri"/><family val="2"/>`
	b := []byte(xmlHeader + `<styleSheet xmlns="` + mainNS + `">` +
		`<fonts count="2"><font>` + font + `</font><font><b/>` + font + `</font></fonts>` +
		`<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
		`<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
		`<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
		`<cellXfs count="`)
	b = strconv.AppendInt(b, int64(len(w.styles)+1), 10)
	b = append(b, `"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`...)
	for _, s := range w.styles {
		font := 0
		if s.Bold {
			font = 1
		}
		b = append(b, `<xf numFmtId="`...)
		b = strconv.AppendInt(b, int64(s.Format), 10)
		b = append(b, `" fontId="`...)
		b = strconv.AppendInt(b, int64(font), 10)
		b = append(b, `" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1"`...)
		if s.Centre {
			b = append(b, ` applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf>`...)
		} else {
			b = append(b, `/>`...)
		}
	}
	return append(b, `</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`...)
}
