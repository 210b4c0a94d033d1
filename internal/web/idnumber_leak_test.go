package web_test

import (
	"archive/zip"
	"io"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"dangjian/internal/people"
	"dangjian/internal/testkit"
	"dangjian/internal/web"
)

// idLike finds 18-character runs that could be a 身份证号; a run whose
// check digit is right is one.
var idLike = regexp.MustCompile(`\d{17}[\dX]`)

// fullIDNumbers lists the valid id numbers in a body.
func fullIDNumbers(body string) []string {
	var out []string
	for _, s := range idLike.FindAllString(body, -1) {
		if people.CheckDigit(s[:17]) == s[17] {
			out = append(out, s)
		}
	}
	return out
}

// No page, no API answer, no spreadsheet export and no line of the server
// log of a full demo town shows a whole id number,
// not even to the town administrator, who may reveal one: a number is
// shown in full only on request, and that request is logged. The walk
// opens every GET route, pages and API, with real records in its path.
func TestNoPageOrAnswerShowsAFullIDNumber(t *testing.T) {
	t.Parallel()
	s := newSite(t, testkit.SQLite(t))
	w := newWalk(t, s)
	admin := s.client("admin")
	workbooks := 0
	walked := w.getEvery(admin, func(rt web.Route) bool { return !rt.IsPublic() }, func(path string, _ int, body string) {
		if strings.HasPrefix(body, "PK\x03\x04") {
			body = xlsxText(t, path, body)
			workbooks++
		}
		if found := fullIDNumbers(body); len(found) > 0 {
			t.Errorf("GET %s shows %d full id numbers, e.g. %s", path, len(found), found[0])
		}
	})
	if walked < 70 || workbooks < 4 {
		t.Fatalf("only %d routes walked, %d of them workbooks", walked, workbooks)
	}
	// The one place a number is shown in full: revealing it, which is logged.
	var residentID int64
	if err := s.env.DB.QueryRowContext(t.Context(), `SELECT r.id FROM residents r JOIN orgs o ON o.id = r.org_id
		WHERE o.path LIKE $1 ORDER BY r.id LIMIT 1`, s.env.Town.Town.Path+"%").Scan(&residentID); err != nil {
		t.Fatal(err)
	}
	body := testkit.ReadBody(admin.Do("POST", "/api/v1/residents/"+strconv.FormatInt(residentID, 10)+"/reveal", "{}"))
	if len(fullIDNumbers(body)) != 1 {
		t.Fatalf("revealing a number shows %d full numbers: %.200s", len(fullIDNumbers(body)), body)
	}
	// Nor does the server's log, after the walk and the reveal.
	if found := fullIDNumbers(s.env.Logs()); len(found) > 0 {
		t.Errorf("the server log holds %d full id numbers, e.g. %s", len(found), found[0])
	}
}

// xlsxText is the text of every part of a workbook: a spreadsheet is a
// zip of XML, so its numbers are only found once it is unpacked.
func xlsxText(t *testing.T, path, body string) string {
	t.Helper()
	z, err := zip.NewReader(strings.NewReader(body), int64(len(body)))
	if err != nil {
		t.Fatalf("GET %s: not a workbook: %v", path, err)
	}
	var text strings.Builder
	for _, f := range z.File {
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(r)
		r.Close()
		if err != nil {
			t.Fatal(err)
		}
		text.Write(b)
	}
	return text.String()
}
