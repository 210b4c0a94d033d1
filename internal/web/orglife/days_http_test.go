package orglife_test

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"dangjian/internal/db"
	"dangjian/internal/org"
	"dangjian/internal/testkit"
	"dangjian/internal/testkit/want"
)

// TestOrgLifeAPIDays: organisational life's API sends calendar days as
// "2006-01-02", never as instants, and leaves a day that is not there (a
// meeting never held) out; the overdue page shows the same days.
func TestOrgLifeAPIDays(t *testing.T) {
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		env := testkit.Start(t, d)
		admin := env.Login(t, "admin")
		o, err := env.Svc.Org.Create(t.Context(), nil, org.NewOrg{ParentID: env.Town.Villages["补掌"].ID,
			Type: org.TypeBranch, Name: "补掌十组党支部"})
		if err != nil {
			t.Fatal(err)
		}
		days := func(t *testing.T, what, body string, has ...string) {
			t.Helper()
			want.Days(t, what, body, has, nil)
		}
		send := func(t *testing.T, path, body string, status int) string {
			t.Helper()
			resp := admin.Do("POST", path, body)
			out := testkit.ReadBody(resp)
			if resp.StatusCode != status {
				t.Fatalf("POST %s: %d, want %d: %s", path, resp.StatusCode, status, out)
			}
			return out
		}
		meeting := func(kind, on string) string {
			return fmt.Sprintf(`{"org_id": %d, "kind": %q, "topic": "学习", "held_on": %q, "expected": 5, "present": 5}`, o.ID, kind, on)
		}

		created := send(t, "/api/v1/meetings", meeting("committee", "2026-11-20"), 201)
		days(t, "a recorded meeting", created, `"held_on":"2026-11-20"`)
		send(t, "/api/v1/meetings", meeting("theme_day", "2026-10-05"), 201)
		send(t, "/api/v1/meetings", meeting("committee", "2026-11-2"), 400)
		days(t, "the meeting list", admin.GetBody(fmt.Sprintf("/api/v1/meetings?org_id=%d", o.ID)),
			`"held_on":"2026-11-20"`, `"held_on":"2026-10-05"`)

		// Overdue: the 主题党日 was last held on 2026-10-05; the other kinds
		// but the 支委会 never were, and their items carry no last_held.
		overdue := admin.GetBody(fmt.Sprintf("/api/v1/overdue?org_id=%d", o.ID))
		days(t, "the overdue list", overdue, `"since":"2026-11-01"`, `"last_held":"2026-10-05"`, `"since":"2026-10-01"`,
			`"start":"2026-10-01","end":"2027-01-01"`)
		if n := strings.Count(overdue, `"kind":`); n != 5 {
			t.Fatalf("%d overdue kinds, want 5: %s", n, overdue)
		}
		if n := strings.Count(overdue, `"last_held"`); n != 1 {
			t.Fatalf("%d items with last_held, want the 主题党日's only: %s", n, overdue)
		}

		// Compliance: the records begin with the first meeting.
		days(t, "compliance", admin.GetBody(fmt.Sprintf("/api/v1/compliance?org_id=%d", o.ID)),
			`"track_from":"2026-10-05"`, `"start":"2026-11-01","end":"2026-12-01"`)

		// The care fund's entries and the evaluation sheet's day.
		days(t, "a fund income", send(t, "/api/v1/fund/income",
			fmt.Sprintf(`{"town_id": %d, "amount_fen": 100, "on_date": "2026-03-01", "description": "县委组织部下拨"}`, env.Town.Town.ID), 201),
			`"on_date":"2026-03-01"`)
		days(t, "the evaluation sheet", admin.GetBody(fmt.Sprintf("/api/v1/evaluations?org_id=%d&year=2025", o.ID)), `"day":"2025-12-31"`)

		// The page: the 主题党日's last meeting, "无记录" for the others.
		page := admin.GetBody(fmt.Sprintf("/overdue?org_id=%d", o.ID))
		if !strings.Contains(page, `class="date">2026-10-05</td>`) ||
			len(regexp.MustCompile(`class="date"><span class="muted">无记录</span>`).FindAllString(page, -1)) != 4 {
			t.Fatalf("the overdue page: %s", page)
		}
	})
}
