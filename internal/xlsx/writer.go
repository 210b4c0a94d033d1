package xlsx

import (
	"archive/zip"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"
)

const (
	xmlHeader = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"
	mainNS    = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
	relNS     = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	pkgRelNS  = "http://schemas.openxmlformats.org/package/2006/relationships"
	mainType  = "application/vnd.openxmlformats-officedocument.spreadsheetml."
)

// Writer writes a workbook to an io.Writer: sheets one after the other,
// each streamed row by row into its entry of the archive, then, on Close,
// the parts that list them.
type Writer struct {
	zip    *zip.Writer
	sheets []string
	styles []Style
	open   *Sheet
	err    error // the first failure; every later call returns it
}

// NewWriter starts a workbook written to w. Nothing is complete until
// Close returns nil.
func NewWriter(w io.Writer) *Writer { return &Writer{zip: zip.NewWriter(w)} }

// ErrSheetName is a sheet name a spreadsheet would refuse.
var ErrSheetName = errors.New("xlsx: bad sheet name")

// checkSheetName holds a name to Excel's rules: 1 to 31 characters, none
// of []:*?/\, not starting or ending with an apostrophe, and different
// (ignoring case) from the sheets before it.
func (w *Writer) checkSheetName(name string) error {
	n := utf8.RuneCountInString(name)
	switch {
	case n == 0 || n > 31:
		return fmt.Errorf("%w %q: %d characters, 1 to 31 allowed", ErrSheetName, name, n)
	case strings.ContainsAny(name, `[]:*?/\`):
		return fmt.Errorf("%w %q: none of []:*?/\\ allowed", ErrSheetName, name)
	case name[0] == '\'' || name[len(name)-1] == '\'':
		return fmt.Errorf("%w %q: no apostrophe at either end", ErrSheetName, name)
	case !legalText(name):
		return fmt.Errorf("%w %q: characters a workbook cannot hold", ErrSheetName, name)
	}
	for _, have := range w.sheets {
		if strings.EqualFold(have, name) {
			return fmt.Errorf("%w %q: a sheet of that name exists", ErrSheetName, name)
		}
	}
	return nil
}

// AddSheet ends the sheet being written, if any, and starts the next one.
func (w *Writer) AddSheet(name string) (*Sheet, error) {
	if w.err != nil {
		return nil, w.err
	}
	if err := w.checkSheetName(name); err != nil {
		return nil, err
	}
	if err := w.endSheet(); err != nil {
		return nil, err
	}
	w.sheets = append(w.sheets, name)
	entry, err := w.zip.Create("xl/worksheets/sheet" + strconv.Itoa(len(w.sheets)) + ".xml")
	if err != nil {
		w.err = err
		return nil, err
	}
	w.open = newSheet(w, entry)
	return w.open, nil
}

func (w *Writer) endSheet() error {
	if w.open == nil {
		return nil
	}
	s := w.open
	w.open = nil
	if err := s.end(); err != nil {
		w.err = err
	}
	return w.err
}

// Close ends the last sheet and writes the workbook's remaining parts.
func (w *Writer) Close() error {
	if w.err != nil {
		return w.err
	}
	if err := w.endSheet(); err != nil {
		return err
	}
	if len(w.sheets) == 0 {
		return errors.New("xlsx: a workbook needs a sheet")
	}
	for _, p := range []struct {
		name string
		body []byte
	}{
		{"xl/workbook.xml", w.workbookXML()},
		{"xl/_rels/workbook.xml.rels", w.workbookRels()},
		{"xl/styles.xml", w.stylesXML()},
		{"_rels/.rels", []byte(xmlHeader + `<Relationships xmlns="` + pkgRelNS + `">` +
			`<Relationship Id="rId1" Type="` + relNS + `/officeDocument" Target="xl/workbook.xml"/></Relationships>`)},
		{"[Content_Types].xml", w.contentTypes()},
	} {
		f, err := w.zip.Create(p.name)
		if err == nil {
			_, err = f.Write(p.body)
		}
		if err != nil {
			w.err = err
			return err
		}
	}
	w.err = errors.New("xlsx: workbook closed")
	return w.zip.Close()
}

func (w *Writer) workbookXML() []byte {
	b := []byte(xmlHeader + `<workbook xmlns="` + mainNS + `" xmlns:r="` + relNS + `"><sheets>`)
	for i, name := range w.sheets {
		n := strconv.Itoa(i + 1)
		b = append(b, `<sheet name="`...)
		b = appendAttr(b, name)
		b = append(b, `" sheetId="`+n+`" r:id="rId`+n+`"/>`...)
	}
	return append(b, `</sheets></workbook>`...)
}

func (w *Writer) workbookRels() []byte {
	b := []byte(xmlHeader + `<Relationships xmlns="` + pkgRelNS + `">`)
	for i := range w.sheets {
		n := strconv.Itoa(i + 1)
		b = append(b, `<Relationship Id="rId`+n+`" Type="`+relNS+`/worksheet" Target="worksheets/sheet`+n+`.xml"/>`...)
	}
	n := strconv.Itoa(len(w.sheets) + 1)
	return append(b, `<Relationship Id="rId`+n+`" Type="`+relNS+`/styles" Target="styles.xml"/></Relationships>`...)
}

func (w *Writer) contentTypes() []byte {
	b := []byte(xmlHeader + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
		`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
		`<Default Extension="xml" ContentType="application/xml"/>` +
		`<Override PartName="/xl/workbook.xml" ContentType="` + mainType + `sheet.main+xml"/>` +
		`<Override PartName="/xl/styles.xml" ContentType="` + mainType + `styles+xml"/>`)
	for i := range w.sheets {
		b = append(b, `<Override PartName="/xl/worksheets/sheet`+strconv.Itoa(i+1)+`.xml" ContentType="`+mainType+`worksheet+xml"/>`...)
	}
	return append(b, `</Types>`...)
}
