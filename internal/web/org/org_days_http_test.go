package org_test

import (
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"dangjian/internal/auth"
	"dangjian/internal/db"
	"dangjian/internal/org"
	"dangjian/internal/testkit"
	"dangjian/internal/testkit/want"
)

// TestOrgAPIDays: the organisation API carries founding days, post terms
// and 软弱涣散 dates as calendar days "2006-01-02", leaves a day that is
// not there out of the object, and judges "not in the future" by the
// clock's calendar day, whatever the hour.
func TestOrgAPIDays(t *testing.T) {
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		env := testkit.Start(t, d)
		v := env.Town.Villages["海丹"]
		admin := env.Login(t, "admin")
		haidan := env.Login(t, "haidan")
		reader := &auth.Actor{Username: "t", Bindings: []auth.Binding{{Role: auth.RoleTownAdmin, OrgID: env.Town.Town.ID, OrgPath: env.Town.Town.Path}}}
		postID := map[string]int64{}
		posts, err := env.Svc.Org.Posts(t.Context(), reader, v.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range posts {
			postID[p.Code] = p.ID
		}
		days := want.Days
		send := func(t *testing.T, c *testkit.Client, method, path, body string, status int) string {
			t.Helper()
			resp := c.Do(method, path, body)
			out := testkit.ReadBody(resp)
			if resp.StatusCode != status {
				t.Fatalf("%s %s: %d, want %d: %s", method, path, resp.StatusCode, status, out)
			}
			return out
		}

		t.Run("the API sends calendar days and leaves absent ones out", func(t *testing.T) {
			// An organisation's founding day, when known.
			founded := send(t, admin, "POST", "/api/v1/orgs", fmt.Sprintf(`{"parent_id": %d, "type": "branch", "name": "海丹六组党支部", "founded_on": "2024-05-01"}`, v.ID), 201)
			days(t, "an organisation founded on a known day", founded, []string{`"founded_on":"2024-05-01"`}, nil)
			var o org.Org
			if err := json.Unmarshal([]byte(founded), &o); err != nil || o.FoundedOn.String() != "2024-05-01" {
				t.Fatalf("the organisation reads back as %+v: %v", o, err)
			}
			days(t, "an organisation read back", haidan.GetBody(fmt.Sprintf("/api/v1/orgs/%d", o.ID)), []string{`"founded_on":"2024-05-01"`}, nil)
			unknown := send(t, admin, "POST", "/api/v1/orgs", fmt.Sprintf(`{"parent_id": %d, "type": "branch", "name": "海丹七组党支部"}`, v.ID), 201)
			days(t, "an organisation of unknown founding", unknown, []string{`"name":"海丹七组党支部"`}, []string{`"founded_on"`})
			send(t, admin, "POST", "/api/v1/orgs", fmt.Sprintf(`{"parent_id": %d, "type": "branch", "name": "海丹八组党支部", "founded_on": "2024-5-1"}`, v.ID), 400)

			// A post's terms: the running one has no end; the ended one has.
			send(t, haidan, "POST", fmt.Sprintf("/api/v1/posts/%d/assign", postID["mediator"]), `{"holder_name": "杨调解", "started_on": "2026-03-01"}`, 200)
			history := haidan.GetBody(fmt.Sprintf("/api/v1/posts/%d", postID["mediator"]))
			days(t, "a post's history", history, []string{`"started_on":"2021-03-01"`, `"ended_on":"2026-03-01"`, `"started_on":"2026-03-01"`}, nil)
			var h struct {
				Post    org.Post
				History []org.Term
			}
			if err := json.Unmarshal([]byte(history), &h); err != nil || len(h.History) != 2 || h.Post.Holder == nil {
				t.Fatalf("the history reads back as %+v: %v", h, err)
			}
			if cur := h.History[0]; cur.HolderName != "杨调解" || cur.StartedOn.String() != "2026-03-01" || !cur.EndedOn.IsZero() {
				t.Fatalf("the current term reads back as %+v", cur)
			}
			// The post's page shows the days as days, the running term as current.
			days(t, "the post's page", haidan.GetBody(fmt.Sprintf("/posts/%d", postID["mediator"])),
				[]string{`class="date">2021-03-01</td>`, `class="date">2026-03-01</td>`, "现任"}, []string{"0001-01-01"})
			current, _ := json.Marshal(h.History[0])
			days(t, "the current term", string(current), []string{`"started_on":"2026-03-01"`}, []string{`"ended_on"`})
			days(t, "the posts", haidan.GetBody(fmt.Sprintf("/api/v1/orgs/%d/posts", v.ID)), []string{`"started_on":"2026-03-01"`}, []string{`"ended_on"`})
			days(t, "the secretaries", admin.GetBody("/api/v1/secretaries?limit=5"), []string{`"started_on":"2021-03-01"`}, []string{`"ended_on"`, `"closed_on"`})

			// A 软弱涣散 flag: open, it has no closing day; closed, it has.
			created := send(t, admin, "POST", fmt.Sprintf("/api/v1/orgs/%d/weak", v.ID), `{"flagged_on": "2026-06-01", "reason": "r", "plan": "p", "deadline": "2026-12-01"}`, 201)
			days(t, "an open flag", created, []string{`"flagged_on":"2026-06-01"`, `"deadline":"2026-12-01"`, `"overdue":false`}, []string{`"closed_on"`})
			var f org.WeakFlag
			if err := json.Unmarshal([]byte(created), &f); err != nil || f.Deadline.String() != "2026-12-01" || !f.Open() {
				t.Fatalf("the flag reads back as %+v: %v", f, err)
			}
			days(t, "the open list", admin.GetBody("/api/v1/weak"), []string{`"deadline":"2026-12-01"`}, []string{`"closed_on"`})
			closed := send(t, admin, "POST", fmt.Sprintf("/api/v1/weak/%d/close", f.ID), `{"closed_on": "2026-11-20", "closing_note": "整改到位"}`, 200)
			days(t, "a closed flag", closed, []string{`"flagged_on":"2026-06-01"`, `"closed_on":"2026-11-20"`}, nil)
			days(t, "the closed list", admin.GetBody("/api/v1/weak?status=closed"), []string{`"closed_on":"2026-11-20"`}, nil)
			days(t, "the closed flag's page", admin.GetBody(fmt.Sprintf("/weak/%d", f.ID)),
				[]string{"已销号", `<dd class="date">2026-11-20</dd>`, `<dd class="date">2026-06-01</dd>`}, []string{"0001-01-01"})
		})

		t.Run("a post starts today by the clock, not tomorrow", func(t *testing.T) {
			// Late in the evening of 26 November: today is still the 26th.
			clock := env.Clock.T
			t.Cleanup(func() { env.Clock.T = clock })
			env.Clock.T = time.Date(2026, 11, 26, 23, 59, 59, 0, time.UTC)
			haidan := env.Login(t, "haidan") // a session of the evening
			out := send(t, haidan, "POST", fmt.Sprintf("/api/v1/posts/%d/assign", postID["vet"]), `{"holder_name": "王新", "started_on": "2026-11-27"}`, 422)
			days(t, "a start tomorrow", out, []string{`"rule":"post.not_future"`, "2026-11-27", "2026-11-26"}, nil)
			out = send(t, haidan, "POST", fmt.Sprintf("/api/v1/posts/%d/assign", postID["vet"]), `{"holder_name": "王新", "started_on": "2026-11-26"}`, 200)
			days(t, "a start today", out, []string{`"started_on":"2026-11-26"`, `"holder_name":"王新"`}, []string{`"ended_on"`})
			// A vacancy from today is accepted too; from tomorrow it is not.
			out = send(t, haidan, "POST", fmt.Sprintf("/api/v1/posts/%d/vacate", postID["forest_ranger"]), `{"ended_on": "2026-11-27"}`, 422)
			days(t, "a vacancy from tomorrow", out, []string{`"rule":"post.not_future"`}, nil)
			send(t, haidan, "POST", fmt.Sprintf("/api/v1/posts/%d/vacate", postID["forest_ranger"]), `{"ended_on": "2026-11-26"}`, 204)
			// Just after midnight it is the 27th.
			env.Clock.T = time.Date(2026, 11, 27, 0, 0, 1, 0, time.UTC)
			send(t, haidan, "POST", fmt.Sprintf("/api/v1/posts/%d/assign", postID["forest_ranger"]), `{"holder_name": "李林", "started_on": "2026-11-27"}`, 200)
		})
	})
}
