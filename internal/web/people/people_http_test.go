package people_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"strings"
	"testing"

	"dangjian/internal/db"
	"dangjian/internal/demo"
	"dangjian/internal/people"
	"dangjian/internal/testkit"
)

// peopleScenario is one request by one demo user and what must (and must
// not) come back.
type peopleScenario struct {
	name   string
	user   string
	method string
	path   string
	form   url.Values // for page POSTs
	json   string     // for API writes
	status int
	has    []string
	hasNot []string
}

func (sc peopleScenario) run(t *testing.T, c *testkit.Client) string {
	t.Helper()
	return testkit.Exchange{Name: sc.name + " as " + sc.user, Method: sc.method, Path: sc.path, Form: sc.form,
		JSON: sc.json, Status: sc.status, Has: sc.has, HasNot: sc.hasNot}.Check(t, c)
}

func TestPeoplePagesAndAPI(t *testing.T) {
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		ctx := context.Background()
		env := testkit.Start(t, d)
		svc := env.Svc.People
		town := env.Town
		// A household and resident with a known number, seen by the system.
		h, err := svc.CreateHousehold(ctx, nil, people.HouseholdInput{OrgID: town.Groups["海丹三组"].ID, Code: "海丹-03-201", HeadName: "赵测试"})
		if err != nil {
			t.Fatal(err)
		}
		first17 := demo.DemoRegion + "19800101" + "013"
		full := first17 + string(people.CheckDigit(first17))
		res, err := svc.AddResident(ctx, nil, people.ResidentInput{HouseholdID: h.ID, Name: "赵测试", Relation: "head", IDNumber: full})
		if err != nil {
			t.Fatal(err)
		}
		var haigaID int64
		if err := d.QueryRowContext(ctx, `SELECT MIN(id) FROM households WHERE code LIKE '海戛-%'`).Scan(&haigaID); err != nil {
			t.Fatal(err)
		}
		hp, rp := fmt.Sprintf("/households/%d", h.ID), fmt.Sprintf("/residents/%d", res.ID)
		// A new number typed with the wrong check character.
		badFirst17 := demo.DemoRegion + "19900505" + "025"
		wrong := badFirst17 + string("0123456789X"[(strings.IndexByte("0123456789X", people.CheckDigit(badFirst17))+1)%11])
		readLog := func() int {
			var n int
			d.QueryRowContext(ctx, `SELECT COUNT(*) FROM read_log WHERE entity_id = $1`, res.ID).Scan(&n)
			return n
		}

		scenarios := []peopleScenario{
			{name: "list own village", user: "haidan", method: "GET", path: "/households", status: 200,
				has: []string{"海丹-01-001", `id="new-household"`}, hasNot: []string{"海戛-01-001"}},
			{name: "list needs people.read", user: "daibiao", method: "GET", path: "/households", status: 403,
				hasNot: []string{"海丹-01-001", `id="new-household"`}},
			{name: "search by id number", user: "haidan", method: "POST", path: "/households/search", form: url.Values{"q": {full}},
				status: 200, has: []string{"海丹-03-201"}, hasNot: []string{"海丹-01-001"}},
			{name: "search by a bad id number", user: "haidan", method: "POST", path: "/households/search", form: url.Values{"q": {wrong}},
				status: 400, has: []string{"校验位不符"}},
			{name: "an id number in the address is refused", user: "haidan", method: "GET", path: "/households?q=" + full, status: 400,
				has: []string{"号码不会出现在网址中"}, hasNot: []string{"海丹-03-201", full}},
			{name: "a resident number in the address is refused", user: "haidan", method: "GET", path: "/residents?q=" + full, status: 400,
				has: []string{"号码不会出现在网址中"}, hasNot: []string{"赵测试", full}},
			{name: "resident search by number stays out of the address", user: "haidan", method: "POST", path: "/residents/search",
				form: url.Values{"q": {full}}, status: 200, has: []string{"赵测试"}},
			{name: "resident search by name goes to the list's address", user: "haidan", method: "POST", path: "/residents/search",
				form: url.Values{"q": {"赵测"}, "min_age": {"40"}}, status: 303},
			{name: "search by name", user: "haidan", method: "GET", path: "/households?q=赵测", status: 200, has: []string{"海丹-03-201"}},
			{name: "other village's household", user: "haidan", method: "GET", path: fmt.Sprintf("/households/%d", haigaID), status: 404},
			{name: "household page masks", user: "haidan", method: "GET", path: hp, status: 200,
				has: []string{"赵测试", people.Mask(full), `id="add-resident"`}, hasNot: []string{full}},
			{name: "centre staff read only", user: "zhongxin", method: "GET", path: hp, status: 200,
				has: []string{people.Mask(full)}, hasNot: []string{full, `id="add-resident"`}},
			{name: "new household form", user: "haidan", method: "GET", path: "/households/new", status: 200,
				has: []string{"海丹三组"}, hasNot: []string{"海戛三组"}},
			{name: "create household", user: "haidan", method: "POST", path: "/households", status: 303,
				form: url.Values{"org_id": {fmt.Sprint(town.Groups["海丹二组"].ID)}, "code": {"海丹-02-301"}, "head_name": {"孙新户"}}},
			{name: "create household: errors keep typed values", user: "haidan", method: "POST", path: "/households", status: 400,
				form: url.Values{"org_id": {fmt.Sprint(town.Groups["海丹二组"].ID)}, "code": {"海丹-02-302"}, "phone": {"12ab"}},
				has:  []string{`value="海丹-02-302"`, `value="12ab"`, "必填", "电话应为"}},
			{name: "create household: duplicate code", user: "haidan", method: "POST", path: "/households", status: 409,
				form: url.Values{"org_id": {fmt.Sprint(town.Groups["海丹二组"].ID)}, "code": {"海丹-03-201"}, "head_name": {"重复"}},
				has:  []string{"户编号 海丹-03-201 在本镇已被使用"}},
			{name: "create household in another village", user: "haidan", method: "POST", path: "/households", status: 400,
				form: url.Values{"org_id": {fmt.Sprint(town.Groups["海戛二组"].ID)}, "code": {"海戛-02-301"}, "head_name": {"越权"}},
				has:  []string{"请选择所属的村党总支或村民小组党支部"}},
			{name: "create household in a group that does not exist", user: "haidan", method: "POST", path: "/households", status: 400,
				form: url.Values{"org_id": {"99999999"}, "code": {"海丹-02-301"}, "head_name": {"无此组"}},
				has:  []string{"请选择所属的村党总支或村民小组党支部"}},
			{name: "add member: bad check digit", user: "haidan", method: "POST", path: hp + "/residents", status: 400,
				form: url.Values{"name": {"钱错号"}, "id_number": {wrong}, "relation": {"child"}},
				has:  []string{`value="钱错号"`, `value="` + wrong + `"`, "应为 " + string(people.CheckDigit(badFirst17)), `value="child" selected`}},
			{name: "add member: duplicate names the resident", user: "haidan", method: "POST", path: hp + "/residents", status: 409,
				form: url.Values{"name": {"钱重复"}, "id_number": {full}}, has: []string{"已登记为 赵测试"}},
			{name: "add member", user: "haidan", method: "POST", path: hp + "/residents", status: 303,
				form: url.Values{"name": {"赵小测"}, "id_number": {validNumber(badFirst17)}, "relation": {"child"}}},
			{name: "add member: centre staff may not", user: "zhongxin", method: "POST", path: hp + "/residents", status: 403,
				form: url.Values{"name": {"赵某"}, "id_number": {validNumber(demo.DemoRegion + "19910101031")}}},
			{name: "resident page masks, offers reveal", user: "haidan", method: "GET", path: rp, status: 200,
				has: []string{people.Mask(full), `action="` + rp + `/reveal"`, "1980-01-01"}, hasNot: []string{full}},
			{name: "resident page without reveal right", user: "zhongxin", method: "GET", path: rp, status: 200,
				has: []string{people.Mask(full)}, hasNot: []string{full, "/reveal"}},
			{name: "resident in another village", user: "haiga", method: "GET", path: rp, status: 404, hasNot: []string{"赵测试"}},
			{name: "resident list with age band", user: "haidan", method: "GET", path: "/residents?q=赵测&min_age=40&max_age=50", status: 200,
				has: []string{"赵测试"}, hasNot: []string{full}},
			{name: "resident list outside the band", user: "haidan", method: "GET", path: "/residents?q=赵测&min_age=50", status: 200,
				hasNot: []string{"赵测试"}},
			{name: "resident list: bad age", user: "haidan", method: "GET", path: "/residents?min_age=abc", status: 400, has: []string{"请填写数字"}},
			{name: "reveal refused without the right", user: "zhongxin", method: "POST", path: rp + "/reveal", form: url.Values{}, status: 403,
				hasNot: []string{full}},
			{name: "reveal refused in another village", user: "haiga", method: "POST", path: rp + "/reveal", form: url.Values{}, status: 404},
			{name: "edit resident: errors keep typed values", user: "haidan", method: "POST", path: rp + "/edit", status: 400,
				form: url.Values{"name": {""}, "phone": {"13900001111"}, "relation": {"head"}}, has: []string{`value="13900001111"`, "必填"}},
			{name: "edit resident", user: "haidan", method: "POST", path: rp + "/edit", status: 303,
				form: url.Values{"name": {"赵测试"}, "phone": {"13900001111"}, "relation": {"head"}}},
			{name: "edit household form", user: "haidan", method: "GET", path: hp + "/edit", status: 200, has: []string{`value="海丹-03-201"`}},
			{name: "edit household", user: "haidan", method: "POST", path: hp + "/edit", status: 303,
				form: url.Values{"org_id": {fmt.Sprint(town.Groups["海丹三组"].ID)}, "code": {"海丹-03-201"}, "head_name": {"赵测试"}, "address": {"海丹村三组 1 号"}}},
			{name: "town page counts per village", user: "admin", method: "GET", path: fmt.Sprintf("/orgs/%d", town.Town.ID), status: 200,
				has: []string{`id="people-table"`, ">海丹<", ">海戛<", "/households?org_id="}},
			{name: "village page counts", user: "haidan", method: "GET", path: fmt.Sprintf("/orgs/%d", town.Villages["海丹"].ID), status: 200,
				has: []string{`id="people-counts"`, "海丹三组"}},
			{name: "no counts without people.read", user: "daibiao", method: "GET", path: fmt.Sprintf("/orgs/%d", town.Villages["海丹"].ID), status: 200,
				hasNot: []string{`id="people-counts"`}},

			{name: "API list", user: "haidan", method: "GET", path: "/api/v1/households?limit=10", status: 200,
				has: []string{`"items"`, `"next"`, "海丹-"}, hasNot: []string{"海戛-"}},
			{name: "API show", user: "haidan", method: "GET", path: "/api/v1" + hp, status: 200,
				has: []string{`"residents"`, people.Mask(full)}, hasNot: []string{full}},
			{name: "API show elsewhere", user: "haiga", method: "GET", path: "/api/v1" + hp, status: 404},
			{name: "API create", user: "haidan", method: "POST", path: "/api/v1/households", status: 201,
				json: fmt.Sprintf(`{"org_id": %d, "code": "海丹-04-301", "head_name": "周接口"}`, town.Groups["海丹四组"].ID), has: []string{`"code":"海丹-04-301"`}},
			{name: "API create invalid", user: "haidan", method: "POST", path: "/api/v1/households", status: 400,
				json: fmt.Sprintf(`{"org_id": %d}`, town.Groups["海丹四组"].ID), has: []string{`"code":"invalid"`, `"head_name"`}},
			{name: "API update", user: "haidan", method: "PUT", path: "/api/v1" + hp, status: 200,
				json: `{"code": "海丹-03-201", "head_name": "赵测试", "phone": "0874-1234567"}`, has: []string{`"phone":"0874-1234567"`}},
			{name: "API residents by number", user: "haidan", method: "POST", path: "/api/v1/residents/search", status: 200,
				json: `{"id_number": "` + full + `"}`, has: []string{`"name":"赵测试"`}, hasNot: []string{full}},
			{name: "API residents by number elsewhere", user: "haiga", method: "POST", path: "/api/v1/residents/search", status: 200,
				json: `{"id_number": "` + full + `"}`, has: []string{`"items":[]`}},
			{name: "API refuses a number in the address", user: "haidan", method: "GET", path: "/api/v1/residents?id_number=" + full, status: 400,
				has: []string{`"id_number"`}, hasNot: []string{"赵测试"}},
			{name: "API households refuse a number in the address", user: "haidan", method: "GET", path: "/api/v1/households?q=" + full, status: 400,
				hasNot: []string{"海丹-03-201"}},
			{name: "API add resident: duplicate", user: "haidan", method: "POST", path: "/api/v1/residents", status: 409,
				json: fmt.Sprintf(`{"household_id": %d, "name": "重复", "id_number": "%s"}`, h.ID, full), has: []string{`"code":"conflict"`, "赵测试"}},
			{name: "API add resident", user: "haidan", method: "POST", path: "/api/v1/residents", status: 201,
				json: fmt.Sprintf(`{"household_id": %d, "name": "赵三测", "id_number": "%s", "relation": "grandchild"}`, h.ID, validNumber(demo.DemoRegion+"20200202002")),
				has:  []string{`"birth_date":"2020-02-02`, `"sex":"F"`}},
			{name: "API resident", user: "zhongxin", method: "GET", path: "/api/v1" + rp, status: 200, hasNot: []string{full}},
			{name: "API reveal refused", user: "zhongxin", method: "POST", path: "/api/v1" + rp + "/reveal", status: 403, hasNot: []string{full}},
			{name: "API update resident", user: "haidan", method: "PUT", path: "/api/v1" + rp, status: 200,
				json: `{"name": "赵测试", "relation": "head", "phone": "13900002222"}`, has: []string{`"phone":"13900002222"`}, hasNot: []string{full}},
			{name: "OpenAPI lists the routes", user: "haidan", method: "GET", path: "/api/v1/openapi.json", status: 200,
				has: []string{"/api/v1/residents/{id}/reveal", "/api/v1/households/{id}", "min_age"}},
		}
		clients := map[string]*testkit.Client{}
		for _, sc := range scenarios {
			t.Run(sc.name, func(t *testing.T) {
				c := clients[sc.user]
				if c == nil {
					c = env.Login(t, sc.user)
					clients[sc.user] = c
				}
				sc.run(t, c)
			})
		}
		if n := readLog(); n != 0 {
			t.Fatalf("refused reveals wrote %d read_log rows", n)
		}

		t.Run("reveal shows the number once and logs it", func(t *testing.T) {
			c := clients["haidan"]
			peopleScenario{user: "haidan", method: "POST", path: rp + "/reveal", form: url.Values{}, status: 200,
				has: []string{full, "已记录"}}.run(t, c)
			var body struct {
				IDNumber string `json:"id_number"`
			}
			raw := peopleScenario{user: "haidan", method: "POST", path: "/api/v1" + rp + "/reveal", status: 200}.run(t, c)
			if err := json.Unmarshal([]byte(raw), &body); err != nil || body.IDNumber != full {
				t.Fatalf("API reveal: %s", raw)
			}
			resp := c.Do("POST", "/api/v1"+rp+"/reveal", "")
			testkit.ReadBody(resp)
			if cc := resp.Header.Get("Cache-Control"); cc != "no-store" {
				t.Fatalf("a revealed number may be cached: Cache-Control %q", cc)
			}
			if n := readLog(); n != 3 {
				t.Fatalf("three reveals wrote %d read_log rows", n)
			}
			peopleScenario{user: "haidan", method: "GET", path: rp, status: 200, hasNot: []string{full}}.run(t, c)
		})

		t.Run("API age band", func(t *testing.T) {
			raw := peopleScenario{user: "haidan", method: "GET", status: 200,
				path: fmt.Sprintf("/api/v1/residents?org_id=%d&min_age=18&max_age=45&limit=200", town.Villages["海丹"].ID)}.run(t, clients["haidan"])
			var page struct {
				Items []people.Resident `json:"items"`
			}
			if err := json.Unmarshal([]byte(raw), &page); err != nil || len(page.Items) == 0 {
				t.Fatalf("age band: %v, %d items", err, len(page.Items))
			}
			for _, r := range page.Items {
				if r.Age < 18 || r.Age > 45 {
					t.Fatalf("%s aged %d in the 18–45 band", r.Name, r.Age)
				}
			}
		})
	})
}

// validNumber completes 17 digits with their right check character.
func validNumber(first17 string) string { return first17 + string(people.CheckDigit(first17)) }
