package orglife_test

import (
	"encoding/json"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"dangjian/internal/db"
	"dangjian/internal/members"
	"dangjian/internal/testkit"
)

// totalsLine matches the totals sentence the page prints for a village
// or a town.
var totalsLine = regexp.MustCompile(`(\d+) 个支部：已达标 (\d+)，未达标 (\d+)，暂无记录 (\d+)`)

type totals struct{ n, met, behind, none int }

func parseTotals(t *testing.T, s string) totals {
	t.Helper()
	m := totalsLine.FindStringSubmatch(s)
	if m == nil {
		t.Fatalf("no totals in %q", s)
	}
	var v [4]int
	for i := range v {
		v[i], _ = strconv.Atoi(m[i+1])
	}
	return totals{v[0], v[1], v[2], v[3]}
}

// village cuts one village's rows, from its heading to its totals row.
func village(t *testing.T, page, name string) (rows string, sum totals) {
	t.Helper()
	start := strings.Index(page, `<tr class="group"><td colspan="8"><b>`+name+`</b>`)
	if start < 0 {
		t.Fatalf("no village %s on the page", name)
	}
	rest := page[start:]
	end := strings.Index(rest, `data-totals="village"`)
	line := rest[end : end+strings.Index(rest[end:], "</tr>")]
	return rest[:end], parseTotals(t, line)
}

// The compliance table tells "no record yet" from "behind", explains its
// marks, and counts branches per village and for the town from the rows
// it shows.
func TestComplianceLegendAndTotals(t *testing.T) {
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		env := testkit.Start(t, d)
		admin := env.Login(t, "admin")
		before := admin.GetBody("/compliance")
		for _, want := range []string{`id="compliance-legend"`, "图例",
			"已达标：到期应开的会都已开", "未达标：有到期应开而未开的期", "暂无记录：自有记录以来还没有到期应开的期，不算未开",
			`<span class="tag ok mark-met" title="已达标">✓`, `<span class="tag warn mark-behind" title="未达标">✗`,
			`<span class="muted mark-no_record" title="暂无记录">○ 无记录</span>`} {
			if !strings.Contains(before, want) {
				t.Errorf("/compliance lacks %q", want)
			}
		}

		// 补掌 has no meetings in the demo: every branch has no record yet,
		// and none is counted as behind.
		rows, bz := village(t, before, "补掌村党总支")
		if bz != (totals{9, 0, 0, 9}) || strings.Count(rows, `<tr class="mark-no_record">`) != 9 {
			t.Fatalf("补掌 before any meeting: %+v", bz)
		}
		townBefore := parseTotals(t, before[strings.Index(before, `data-totals="town"`):])

		// A lecture recorded in February starts 补掌一组's records there:
		// the quarters since without one are now behind.
		branch := env.Town.Groups["补掌一组"].ID
		held := time.Date(2026, 2, 10, 0, 0, 0, 0, time.UTC)
		_, invitees, err := env.Svc.Members.MeetingForm(t.Context(), nil, branch, held)
		if err != nil {
			t.Fatal(err)
		}
		present := make([]members.AttendanceInput, len(invitees))
		for i, m := range invitees {
			present[i] = members.AttendanceInput{MemberID: m.MemberID, Present: true}
		}
		if _, err := env.Svc.Members.RecordMeeting(t.Context(), nil, members.NewMeeting{OrgID: branch, Kind: "lecture",
			Topic: "党课", HeldOn: held, Attendance: present,
			Speaker: "支部书记"}); err != nil {
			t.Fatal(err)
		}
		after := admin.GetBody("/compliance")
		rows, bz = village(t, after, "补掌村党总支")
		if bz != (totals{9, 0, 1, 8}) {
			t.Fatalf("补掌 after a lecture in February: %+v", bz)
		}
		row := rows[strings.Index(rows, `/compliance/`+strconv.FormatInt(branch, 10)+`?`):]
		row = row[:strings.Index(row, "</tr>")]
		if !strings.Contains(row, `title="未达标">✗ 1/3</span>`) || !strings.Contains(row, `<td data-label="情况">未达标</td>`) {
			t.Fatalf("补掌一组's row: %s", row)
		}
		town := parseTotals(t, after[strings.Index(after, `data-totals="town"`):])
		if town != (totals{townBefore.n, townBefore.met, townBefore.behind + 1, townBefore.none - 1}) {
			t.Fatalf("town totals %+v, before %+v", town, townBefore)
		}

		// The town's totals are its villages' sums and each village's are
		// its rows' marks.
		var sum totals
		for _, m := range regexp.MustCompile(`<tr class="group"><td colspan="8"><b>([^<]+)</b>`).FindAllStringSubmatch(after, -1) {
			rows, v := village(t, after, m[1])
			marks := totals{strings.Count(rows, `<tr class="mark-`), strings.Count(rows, `<tr class="mark-met">`),
				strings.Count(rows, `<tr class="mark-behind">`), strings.Count(rows, `<tr class="mark-no_record">`)}
			if marks != v {
				t.Errorf("%s: rows %+v, totals %+v", m[1], marks, v)
			}
			sum = totals{sum.n + v.n, sum.met + v.met, sum.behind + v.behind, sum.none + v.none}
		}
		if sum != town {
			t.Fatalf("villages sum to %+v, the town says %+v", sum, town)
		}
		var api struct{ Items []json.RawMessage }
		resp := admin.Get("/api/v1/compliance?limit=200")
		if err := json.NewDecoder(resp.Body).Decode(&api); err != nil || len(api.Items) != town.n {
			t.Fatalf("the API lists %d branches (%v), the page counts %d", len(api.Items), err, town.n)
		}
		resp.Body.Close()
	})
}
