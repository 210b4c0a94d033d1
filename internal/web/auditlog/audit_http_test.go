package auditlog_test

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"dangjian/internal/auth"
	"dangjian/internal/db"
	"dangjian/internal/members"
	"dangjian/internal/people"
	"dangjian/internal/testkit"
)

// A village leader corrects a member; the log says so in words a cadre
// reads: field names and values in Chinese, the leader's full name, the
// member's name linked to the member's page.
func TestAuditLogReadsInWords(t *testing.T) {
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		env := testkit.Start(t, d)
		ctx := t.Context()
		list, err := env.Svc.Members.List(ctx, nil, members.Filter{OrgID: env.Town.Groups["海丹一组"].ID, Limit: 1})
		if err != nil || len(list) == 0 {
			t.Fatalf("no demo member in 海丹一组: %v", err)
		}
		m := list[0]
		if m.Category == members.Category("veteran") {
			t.Fatalf("demo member %s is already a veteran; the test needs a change", m.Name)
		}
		id := strconv.FormatInt(m.ID, 10)
		haidan, jiandu := env.Login(t, "haidan"), env.Login(t, "jiandu")
		var leader string // haidan's full name, which the log shows instead of the username
		if err := d.QueryRowContext(ctx, `SELECT display_name FROM users WHERE username = 'haidan'`).Scan(&leader); err != nil || leader == "haidan" {
			t.Fatalf("haidan's name %q: %v", leader, err)
		}
		resp := haidan.PostForm("/members/"+id, url.Values{"name": {m.Name}, "phone": {m.Phone},
			"education": {m.Education}, "category": {"veteran"}})
		if resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("update member: %d %.300s", resp.StatusCode, testkit.ReadBody(resp))
		}
		resp.Body.Close()
		resp = haidan.PostForm("/members", url.Values{"org_id": {strconv.FormatInt(env.Town.Groups["海丹二组"].ID, 10)},
			"name": {"张三"}, "id_number": {"530326198001010017"}, "sex": {"M"}, "status": {"full"},
			"joined_on": {"2000-07-01"}, "full_on": {"2001-07-01"}})
		if resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("add member: %d %.300s", resp.StatusCode, testkit.ReadBody(resp))
		}
		resp.Body.Close()

		page := haidan.GetBody("/audit?entity=member")
		for _, want := range []string{
			`<td data-label="操作人">` + leader + `</td>`, // the full name, not the username
			`修改党员信息`,
			`<a href="/members/` + id + `">` + m.Name + `</a>`,
			`<b>人员类别</b>: `, `退伍军人`,
			`<b>党员状态</b>: 正式党员`, `<b>性别</b>: 男`, `<b>出生日期</b>: 1980-01-01`,
			`<option value="member" selected>党员</option>`, `<option value="household">农户</option>`,
			`<td data-label="时间"><span class="date">`,
		} {
			if !strings.Contains(page, want) {
				t.Errorf("/audit lacks %q", want)
			}
		}
		for _, raw := range []string{"status: full", "<b>status</b>", "<b>category</b>", ">veteran<",
			"<b>birth_date</b>", "<b>id_number_masked</b>", ": M<", "member " + id} {
			if strings.Contains(page, raw) {
				t.Errorf("/audit shows the raw %q", raw)
			}
		}

		var api struct {
			Items []struct {
				Actor, Record, Link string
				ActorUsername       string `json:"actor_username"`
				Changes             []struct{ Field, Label, Before, After string }
			}
		}
		resp = haidan.Get("/api/v1/audit?entity=member&entity_id=" + id)
		if err := json.NewDecoder(resp.Body).Decode(&api); err != nil || resp.StatusCode != 200 || len(api.Items) == 0 {
			t.Fatalf("API: %d %v %+v", resp.StatusCode, err, api)
		}
		resp.Body.Close()
		got := api.Items[0]
		if got.Actor != leader || got.ActorUsername != "haidan" || got.Record != m.Name ||
			got.Link != "/members/"+id || len(got.Changes) != 1 || got.Changes[0].Label != "人员类别" || got.Changes[0].After != "退伍军人" {
			t.Fatalf("API entry: %+v", got)
		}

		// The supervisor reads the log but not households: the record is
		// named, without a link to a page that would refuse them.
		reader := &auth.Actor{Bindings: []auth.Binding{{Role: auth.RoleCountyAdmin, OrgID: env.Town.County.ID, OrgPath: env.Town.County.Path}}}
		hh, err := env.Svc.People.ListHouseholds(ctx, reader, people.HouseholdFilter{OrgID: env.Town.Villages["海丹"].ID, Limit: 1})
		if err != nil || len(hh) == 0 {
			t.Fatalf("no demo household in 海丹: %v", err)
		}
		h := hh[0]
		if _, err := env.Svc.People.UpdateHousehold(ctx, nil, h.ID, people.HouseholdInput{OrgID: h.OrgID, Code: h.Code,
			HeadName: h.HeadName, Address: "海丹村新街 8 号", Phone: h.Phone}); err != nil {
			t.Fatal(err)
		}
		link := `<a href="/households/` + strconv.FormatInt(h.ID, 10) + `">` + h.HeadName + `</a>`
		for _, c := range []struct {
			who      *testkit.Client
			withLink bool
		}{{haidan, true}, {jiandu, false}} {
			page := c.who.GetBody("/audit?entity=household")
			if !strings.Contains(page, "海丹村新街 8 号") || !strings.Contains(page, h.HeadName) ||
				!strings.Contains(page, `<td data-label="操作人">系统</td>`) || strings.Contains(page, link) != c.withLink {
				t.Errorf("household entry (link expected: %v): %.2000s", c.withLink, page[strings.Index(page, "audit-table"):])
			}
		}
	})
}

// Every field the demo town writes to the log has a label, so no page of
// the log shows a raw column name.
func TestEveryLoggedFieldHasALabel(t *testing.T) {
	d := testkit.SQLite(t)
	env := testkit.Start(t, d)
	admin := env.Login(t, "county")
	var api struct {
		Items []struct {
			Entity, EntityLabel string
			Changes             []struct{ Field, Label string }
		}
		Next *int64
	}
	seen := 0
	path := "/api/v1/audit?limit=200"
	for path != "" {
		resp := admin.Get(path)
		api.Next = nil
		if err := json.NewDecoder(resp.Body).Decode(&api); err != nil || resp.StatusCode != 200 {
			t.Fatalf("API: %d %v", resp.StatusCode, err)
		}
		resp.Body.Close()
		for _, e := range api.Items {
			seen++
			if strings.HasPrefix(e.EntityLabel, "audit.entity.") {
				t.Errorf("record type %s has no name", e.Entity)
			}
			for _, c := range e.Changes {
				if c.Label == c.Field && c.Field != "value" {
					t.Errorf("%s.%s has no label", e.Entity, c.Field)
				}
			}
		}
		path = ""
		if api.Next != nil {
			path = "/api/v1/audit?limit=200&before=" + strconv.FormatInt(*api.Next, 10)
		}
	}
	if seen < 100 {
		t.Fatalf("read only %d rows of the demo log", seen)
	}
}
