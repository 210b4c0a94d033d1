// Package xlsx writes and reads the Office Open XML workbooks (.xlsx) the
// product exchanges with town offices, and nothing more: workbooks of
// named sheets holding text, numbers and booleans, with the few styles the
// exports use (text and money number formats, bold, centred wrapped
// text), column widths, merged cells and drop-down lists; and, for the
// roster import, the rows of an uploaded workbook's sheets as text.
//
// It exists so that the server carries a workbook library of its own
// size: a general spreadsheet library brings formula engines, encrypted
// files, charts and every legacy text encoding into the binary and its
// start-up heap, of which the product uses none.
//
// A Writer streams: rows go straight into the compressed sheet entry, so
// a county's roster is never held as cells. A Book reads an upload
// held in memory, decoding a sheet's XML token by token; every size it
// reads is bounded and anything malformed is an error wrapping
// ErrNotWorkbook, never a panic.
package xlsx
