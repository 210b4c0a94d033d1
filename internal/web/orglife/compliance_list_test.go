package orglife_test

import (
	"encoding/json"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"dangjian/internal/day"
	"dangjian/internal/db"
	"dangjian/internal/org"
	"dangjian/internal/orglife"
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

// rowOf cuts one branch's row out of a village's rows.
func rowOf(t *testing.T, rows, branchID string) string {
	t.Helper()
	i := strings.Index(rows, `href="/compliance/`+branchID+`?`)
	if i < 0 {
		t.Fatalf("no row for branch %s", branchID)
	}
	start := strings.LastIndex(rows[:i], "<tr")
	row := rows[start:]
	return row[:strings.Index(row, "</tr>")]
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

		_, bz0 := village(t, before, "补掌村党总支")
		townBefore := parseTotals(t, before[strings.Index(before, `data-totals="town"`):])

		// A branch new to the system has no record yet: it is counted as
		// such, not as behind.
		o, err := env.Svc.Org.Create(t.Context(), nil, org.NewOrg{ParentID: env.Town.Villages["补掌"].ID,
			Type: org.TypeBranch, Name: "补掌十组党支部"})
		if err != nil {
			t.Fatal(err)
		}
		branch := strconv.FormatInt(o.ID, 10)
		page := admin.GetBody("/compliance")
		rows, bz := village(t, page, "补掌村党总支")
		if bz != (totals{bz0.n + 1, bz0.met, bz0.behind, bz0.none + 1}) {
			t.Fatalf("补掌 with a new branch: %+v, before %+v", bz, bz0)
		}
		if row := rowOf(t, rows, branch); !strings.Contains(row, `<td data-label="落实情况">暂无记录</td>`) ||
			strings.Count(row, `○ 无记录`) != 6 || strings.Contains(row, "✗") {
			t.Fatalf("the new branch's row: %s", row)
		}

		// A lecture recorded in February starts its records there: the
		// quarters since without one are now behind.
		held := day.New(2026, time.February, 10)
		_, invitees, err := env.Svc.OrgLife.MeetingForm(t.Context(), nil, o.ID, held)
		if err != nil {
			t.Fatal(err)
		}
		present := make([]orglife.AttendanceInput, len(invitees))
		for i, m := range invitees {
			present[i] = orglife.AttendanceInput{MemberID: m.MemberID, Present: true}
		}
		if _, err := env.Svc.OrgLife.RecordMeeting(t.Context(), nil, orglife.NewMeeting{OrgID: o.ID, Kind: "lecture",
			Topic: "党课", HeldOn: held, Attendance: present, Expected: 1, Present: 1, Speaker: "支部书记"}); err != nil {
			t.Fatal(err)
		}
		after := admin.GetBody("/compliance")
		rows, bz = village(t, after, "补掌村党总支")
		if bz != (totals{bz0.n + 1, bz0.met, bz0.behind + 1, bz0.none}) {
			t.Fatalf("补掌 after the new branch's lecture in February: %+v, before %+v", bz, bz0)
		}
		if row := rowOf(t, rows, branch); !strings.Contains(row, `title="未达标">✗ 1/3</span>`) ||
			!strings.Contains(row, `<td data-label="落实情况">未达标</td>`) {
			t.Fatalf("the branch's row after its lecture: %s", row)
		}
		town := parseTotals(t, after[strings.Index(after, `data-totals="town"`):])
		if town != (totals{townBefore.n + 1, townBefore.met, townBefore.behind + 1, townBefore.none}) {
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
