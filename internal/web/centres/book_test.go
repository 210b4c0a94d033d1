package centres_test

import (
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// readBook reads the first sheet of a workbook.
func readBook(t *testing.T, data string) [][]string {
	t.Helper()
	f, err := excelize.OpenReader(strings.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(f.GetSheetName(0))
	if err != nil {
		t.Fatal(err)
	}
	return rows
}
