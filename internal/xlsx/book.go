package xlsx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"
)

// ErrNotWorkbook is wrapped by every error reading a file that is not a
// workbook this package can read: not a zip archive, parts missing, XML
// malformed or cut short, sizes beyond the limits below.
var ErrNotWorkbook = errors.New("xlsx: not a readable workbook")

// Limits on what an uploaded file may make the reader do. Sizes are of
// decompressed XML, counted as it is read (an archive's stated sizes are
// the uploader's word). Variables only so that tests can lower them.
var (
	maxSheetBytes  int64 = 512 << 20 // one sheet
	maxPartBytes   int64 = 64 << 20  // the workbook, its relationships, styles, shared strings
	maxSharedCount       = 2 << 20   // shared strings
	// Cells given for one sheet, blanks before a cell included: a row of
	// one cell in column XFD is 16,384 of them, and a sheet of such rows
	// would keep the reader busy for hours.
	maxSheetCells = 1 << 27
)

const (
	maxCellFormats  = 64000 // Excel's own limit on cell formats
	maxSheetsInBook = 4096
)

func malformed(format string, args ...any) error {
	return fmt.Errorf("%w: "+format, append([]any{ErrNotWorkbook}, args...)...)
}

// Book is a workbook opened for reading.
type Book struct {
	parts    map[string]*zip.File // by lower-case part name
	sheets   []bookSheet
	shared   []string
	dateXF   []bool // by cell format index: shows a date
	date1904 bool
}

type bookSheet struct {
	name string
	part string // "" when the workbook names a sheet it does not hold
}

// Open reads the workbook in data: its sheet list, shared strings and
// which cell formats show dates.
func Open(data []byte) (*Book, error) {
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, malformed("%v", err)
	}
	b := &Book{parts: make(map[string]*zip.File, len(z.File))}
	for _, f := range z.File {
		b.parts[strings.ToLower(strings.TrimPrefix(f.Name, "/"))] = f
	}
	main := "xl/workbook.xml"
	if rels, err := b.relationships("_rels/.rels", ""); err != nil {
		return nil, err
	} else if t, ok := rels.byType("officeDocument"); ok {
		main = t
	}
	if b.parts[strings.ToLower(main)] == nil {
		return nil, malformed("no workbook part")
	}
	rels, err := b.relationships(relsOf(main), path.Dir(main))
	if err != nil {
		return nil, err
	}
	if err := b.readWorkbook(main, rels); err != nil {
		return nil, err
	}
	if p, ok := rels.byType("styles"); ok {
		if err := b.readStyles(p); err != nil {
			return nil, err
		}
	}
	if p, ok := rels.byType("sharedStrings"); ok {
		if err := b.readShared(p); err != nil {
			return nil, err
		}
	}
	return b, nil
}

// Sheets are the sheet names in the workbook's order.
func (b *Book) Sheets() []string {
	out := make([]string, len(b.sheets))
	for i, s := range b.sheets {
		out[i] = s.name
	}
	return out
}

// open starts decoding a part, counting at most limit decompressed bytes;
// ok is false when the archive does not hold it.
func (b *Book) open(part string, limit int64) (dec *decoder, closer io.Closer, ok bool, err error) {
	f := b.parts[strings.ToLower(part)]
	if f == nil {
		return nil, nil, false, nil
	}
	rc, err := f.Open()
	if err != nil {
		return nil, nil, true, malformed("%s: %v", part, err)
	}
	return &decoder{Decoder: xml.NewDecoder(&cappedReader{r: rc, left: limit, part: part})}, rc, true, nil
}

// cappedReader fails once more than left bytes have been read.
type cappedReader struct {
	r    io.Reader
	left int64
	part string
}

func (c *cappedReader) Read(p []byte) (int, error) {
	if int64(len(p)) > c.left+1 {
		p = p[:c.left+1]
	}
	n, err := c.r.Read(p)
	if c.left -= int64(n); c.left < 0 {
		return 0, malformed("%s is larger than allowed", c.part)
	}
	return n, err
}

// eachElement decodes a part, calling fn at every start element; fn may
// consume the element's content from dec. A missing part is no error.
func (b *Book) eachElement(part string, limit int64, fn func(dec *decoder, e xml.StartElement) error) error {
	dec, closer, ok, err := b.open(part, limit)
	if !ok || err != nil {
		return err
	}
	defer closer.Close()
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return wrapRead(part, err)
		}
		if e, ok := tok.(xml.StartElement); ok {
			if err := fn(dec, e); err != nil {
				return wrapRead(part, err)
			}
		}
	}
}

// wrapRead makes a decoding error one of this package's.
func wrapRead(part string, err error) error {
	if errors.Is(err, ErrNotWorkbook) {
		return err
	}
	return malformed("%s: %v", part, err)
}

func attr(e xml.StartElement, local string) string {
	for _, a := range e.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// relationships maps a part's relationship ids and types to targets,
// resolved against dir.
type relationships []struct{ id, kind, target string }

func relsOf(part string) string { return path.Join(path.Dir(part), "_rels", path.Base(part)+".rels") }

func (b *Book) relationships(part, dir string) (relationships, error) {
	var rels relationships
	err := b.eachElement(part, maxPartBytes, func(_ *decoder, e xml.StartElement) error {
		if e.Name.Local != "Relationship" {
			return nil
		}
		if len(rels) >= maxSheetsInBook*2 {
			return malformed("%s: too many relationships", part)
		}
		t := attr(e, "Target")
		if strings.HasPrefix(t, "/") {
			t = strings.TrimPrefix(t, "/")
		} else {
			t = path.Join(dir, t)
		}
		rels = append(rels, struct{ id, kind, target string }{attr(e, "Id"), attr(e, "Type"), t})
		return nil
	})
	return rels, err
}

func (rels relationships) byType(kind string) (string, bool) {
	for _, r := range rels {
		if strings.HasSuffix(r.kind, "/"+kind) {
			return r.target, true
		}
	}
	return "", false
}

func (rels relationships) byID(id string) (string, bool) {
	for _, r := range rels {
		if r.id == id {
			return r.target, true
		}
	}
	return "", false
}

func (b *Book) readWorkbook(part string, rels relationships) error {
	return b.eachElement(part, maxPartBytes, func(_ *decoder, e xml.StartElement) error {
		switch e.Name.Local {
		case "workbookPr":
			v := attr(e, "date1904")
			b.date1904 = v == "1" || v == "true"
		case "sheet":
			if len(b.sheets) >= maxSheetsInBook {
				return malformed("more than %d sheets", maxSheetsInBook)
			}
			target, _ := rels.byID(attr(e, "id"))
			if target != "" && b.parts[strings.ToLower(target)] == nil {
				target = ""
			}
			b.sheets = append(b.sheets, bookSheet{name: attr(e, "name"), part: target})
		}
		return nil
	})
}

// readStyles notes which cell formats show dates, from their built-in
// number format or their custom format's code.
func (b *Book) readStyles(part string) error {
	dateCodes := map[int]bool{}
	inCellXfs := false
	return b.eachElement(part, maxPartBytes, func(dec *decoder, e xml.StartElement) error {
		switch e.Name.Local {
		case "numFmt":
			if id, err := strconv.Atoi(attr(e, "numFmtId")); err == nil && len(dateCodes) < maxCellFormats {
				dateCodes[id] = isDateFormatCode(attr(e, "formatCode"))
			}
		case "cellXfs":
			inCellXfs = true
		case "cellStyleXfs", "dxfs", "cellStyles":
			inCellXfs = false
		case "xf":
			if !inCellXfs {
				return nil
			}
			if len(b.dateXF) >= maxCellFormats {
				return malformed("more than %d cell formats", maxCellFormats)
			}
			id, _ := strconv.Atoi(attr(e, "numFmtId"))
			date, custom := dateCodes[id]
			b.dateXF = append(b.dateXF, custom && date || !custom && isDateFormatID(id))
		}
		return nil
	})
}

// readShared reads the shared strings, each the text of its runs but not
// of its phonetic guides.
func (b *Book) readShared(part string) error {
	return b.eachElement(part, maxPartBytes, func(dec *decoder, e xml.StartElement) error {
		if e.Name.Local != "si" {
			return nil
		}
		if len(b.shared) >= maxSharedCount {
			return malformed("more than %d shared strings", maxSharedCount)
		}
		s, err := readRichText(dec, e.Name)
		b.shared = append(b.shared, s)
		return err
	})
}

// readRichText reads an element holding text (a shared string item or
// an inline string) up to its end: its <t> texts, direct or in runs,
// joined, without phonetic guides.
func readRichText(dec *decoder, end xml.Name) (string, error) {
	var text []byte
	for {
		tok, err := dec.Token()
		if err != nil {
			return "", unexpectedEOF(err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "t":
				if text, err = appendCharData(dec, text); err != nil {
					return "", err
				}
			case "rPh", "rPr", "phoneticPr":
				if err := dec.Skip(); err != nil {
					return "", unexpectedEOF(err)
				}
			}
		case xml.EndElement:
			if t.Name == end {
				return string(text), nil
			}
		}
	}
}

// appendCharData appends the text of the element just started, up to
// its end.
func appendCharData(dec *decoder, text []byte) ([]byte, error) {
	depth := 1
	for depth > 0 {
		tok, err := dec.Token()
		if err != nil {
			return text, unexpectedEOF(err)
		}
		switch t := tok.(type) {
		case xml.CharData:
			if depth == 1 {
				text = append(text, t...)
			}
		case xml.StartElement:
			depth++
		case xml.EndElement:
			depth--
		}
	}
	return text, nil
}

// unexpectedEOF is an end of input inside an element: the part is cut
// short.
func unexpectedEOF(err error) error {
	if err == io.EOF {
		return io.ErrUnexpectedEOF
	}
	return err
}
