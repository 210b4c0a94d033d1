package people_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"dangjian/internal/db"
	"dangjian/internal/demo"
	"dangjian/internal/people"
	"dangjian/internal/testkit"
	"dangjian/internal/testkit/want"
)

// TestPeopleAPIDays: the registry's API sends a resident's birth date as
// the calendar day "2006-01-02" (never a time at midnight) wherever a
// resident goes out, the resident page shows the same day, an absent day
// is left out of the object, and a birth on the clock's calendar day is
// accepted at any hour of it.
func TestPeopleAPIDays(t *testing.T) {
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		env := testkit.Start(t, d)
		haidan := env.Login(t, "haidan")
		days := func(t *testing.T, what, body string, has ...string) {
			t.Helper()
			want.Days(t, what, body, has, nil)
		}
		send := func(t *testing.T, c *testkit.Client, method, path, body string, status int) string {
			t.Helper()
			return testkit.Exchange{Name: method + " " + path, Method: method, Path: path, JSON: body, Status: status}.Check(t, c)
		}
		hs, err := env.Svc.People.ListHouseholds(t.Context(), env.ActorFor(t, "haidan"), people.HouseholdFilter{OrgID: env.Town.Groups["海丹三组"].ID, Limit: 1})
		if err != nil || len(hs) != 1 {
			t.Fatalf("no household in 海丹三组: %v", err)
		}
		h := hs[0]
		number := validNumber(demo.DemoRegion + "19750615" + "041")

		t.Run("a birth date goes out as a day", func(t *testing.T) {
			created := send(t, haidan, "POST", "/api/v1/residents", fmt.Sprintf(`{"household_id": %d, "name": "日测", "id_number": "%s"}`, h.ID, number), 201)
			days(t, "a new resident", created, `"birth_date":"1975-06-15"`, `"age":51`)
			var r people.Resident
			if err := json.Unmarshal([]byte(created), &r); err != nil || r.BirthDate.String() != "1975-06-15" {
				t.Fatalf("the resident reads back as %+v: %v", r, err)
			}
			days(t, "a resident", haidan.GetBody(fmt.Sprintf("/api/v1/residents/%d", r.ID)), `"birth_date":"1975-06-15"`)
			days(t, "a resident list", haidan.GetBody(fmt.Sprintf("/api/v1/residents?org_id=%d&name=%s", h.OrgID, "%E6%97%A5%E6%B5%8B")), `"birth_date":"1975-06-15"`)
			days(t, "a search by number", send(t, haidan, "POST", "/api/v1/residents/search", `{"id_number": "`+number+`"}`, 200), `"birth_date":"1975-06-15"`)
			days(t, "a household", haidan.GetBody(fmt.Sprintf("/api/v1/households/%d", h.ID)), `"birth_date":"1975-06-15"`)
			days(t, "the resident page", haidan.GetBody(fmt.Sprintf("/residents/%d", r.ID)), `<span class="date">1975-06-15</span> (51)`)
		})

		t.Run("an absent birth date is left out", func(t *testing.T) {
			b, err := json.Marshal(people.Resident{ID: 1, Name: "无日"})
			if err != nil {
				t.Fatal(err)
			}
			if strings.Contains(string(b), "birth_date") {
				t.Fatalf("a resident without a birth date sends one: %s", b)
			}
		})

		t.Run("born today is accepted at the day's last second, tomorrow is not", func(t *testing.T) {
			clock := env.Clock.T
			t.Cleanup(func() { env.Clock.T = clock })
			env.Clock.T = time.Date(2026, 11, 26, 23, 59, 59, 0, time.UTC)
			haidan := env.Login(t, "haidan") // a session of the day's last second
			today := validNumber(demo.DemoRegion + "20261126" + "052")
			created := send(t, haidan, "POST", "/api/v1/residents", fmt.Sprintf(`{"household_id": %d, "name": "今生", "id_number": "%s"}`, h.ID, today), 201)
			days(t, "a resident born today", created, `"birth_date":"2026-11-26"`, `"age":0`)
			tomorrow := validNumber(demo.DemoRegion + "20261127" + "062")
			refused := send(t, haidan, "POST", "/api/v1/residents", fmt.Sprintf(`{"household_id": %d, "name": "明生", "id_number": "%s"}`, h.ID, tomorrow), 400)
			days(t, "a resident born tomorrow", refused, `"id_number"`, "20261127")
		})
	})
}
