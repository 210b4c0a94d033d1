package web_test

import (
	"context"
	"fmt"
	"net/url"
	"strings"
	"testing"

	"dangjian/internal/day"
	"dangjian/internal/db"
	"dangjian/internal/orglife"
	"dangjian/internal/testkit"
)

// meetingScenario is one request by one demo account and what must come back.
type meetingScenario struct {
	name   string
	user   string
	method string // GET or POST (a form), or an API method with json
	path   string
	form   url.Values
	json   string
	status int
	want   []string
	not    []string
}

func (sc meetingScenario) run(t *testing.T, c *testkit.Client) string {
	t.Helper()
	return testkit.Exchange{Name: sc.name + " as " + sc.user, Method: sc.method, Path: sc.path, Form: sc.form,
		JSON: sc.json, Status: sc.status, Has: sc.want, HasNot: sc.not}.Check(t, c)
}

func TestMeetingPagesAndAPI(t *testing.T) {
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		mt := startMeetingTown(t, d)
		ctx := context.Background()
		today := mt.Clock.Now().Format("2006-01-02")
		tomorrow := mt.Clock.Now().AddDate(0, 0, 1).Format("2006-01-02")
		minjia := fmt.Sprint(mt.minjia)
		roster := mt.roster(t, mt.minjia)

		// A meeting of 海戛一组 that 海丹 must not see.
		hg, err := mt.Svc.OrgLife.RecordMeeting(ctx, nil, orglife.NewMeeting{OrgID: mt.haiga1, Kind: orglife.MeetingThemeDay,
			Topic: "海戛的主题党日", HeldOn: day.Today(mt.Clock), Attendance: presentAll(mt.roster(t, mt.haiga1))})
		if err != nil {
			t.Fatal(err)
		}
		// A suggestion by the other member of 民家一组.
		other, err := mt.Svc.OrgLife.SubmitSuggestion(ctx, nil, orglife.NewSuggestion{MemberID: mt.other,
			Title: "别人的建议标题", Body: "别人的建议内容"})
		if err != nil {
			t.Fatal(err)
		}

		committee := url.Values{"org_id": {minjia}, "kind": {"committee"}, "topic": {"研究十二月工作"}, "held_on": {today},
			"place": {"民家一组活动室"}}
		for i, m := range roster {
			switch {
			case i < 2:
				committee.Set(fmt.Sprintf("att_%d", m.MemberID), "present")
			case i == 2:
				committee.Set(fmt.Sprintf("att_%d", m.MemberID), "absent")
				committee.Set(fmt.Sprintf("reason_%d", m.MemberID), "外出务工")
			default:
				committee.Set(fmt.Sprintf("att_%d", m.MemberID), "")
			}
		}
		noReason := url.Values{}
		for k, v := range committee {
			noReason[k] = v
		}
		noReason.Del(fmt.Sprintf("reason_%d", roster[2].MemberID))
		future := url.Values{}
		for k, v := range committee {
			future[k] = v
		}
		future.Set("held_on", tomorrow)

		grades := `{"org_id": %d, "year": %d, "held_on": "%s", "grades": [%s]}`
		var gl []string
		for i, m := range roster {
			g := "qualified"
			if !m.Voting {
				g = ""
			} else if i == 0 {
				g = "excellent"
			}
			gl = append(gl, fmt.Sprintf(`{"member_id": %d, "grade": %q}`, m.MemberID, g))
		}
		evalJSON := fmt.Sprintf(grades, mt.minjia, mt.Clock.Now().Year(), today, strings.Join(gl, ", "))

		steps := []meetingScenario{
			{name: "the overdue list of 民家一组 names its 支委会", user: "minjia1", method: "GET", path: "/overdue",
				status: 200, want: []string{"民家一组党支部", `data-kind="committee"`}, not: []string{"海戛"}},
			{name: "海戛 does not see 民家", user: "haiga", method: "GET", path: "/overdue", status: 200, not: []string{"民家一组"}},
			{name: "海丹 cannot open 海戛's meeting", user: "haidan", method: "GET", path: fmt.Sprintf("/meetings/%d", hg.ID), status: 404},
			{name: "the town sees it", user: "admin", method: "GET", path: fmt.Sprintf("/meetings/%d", hg.ID), status: 200, want: []string{"海戛的主题党日"}},
			{name: "the form lists the branch's members", user: "minjia1", method: "GET", path: "/meetings/new?kind=committee",
				status: 200, want: []string{roster[0].Name, "att_"}},
			{name: "a meeting cannot be in the future", user: "minjia1", method: "POST", path: "/meetings", form: future,
				status: 400, want: []string{"日期不能晚于今天"}},
			{name: "absentees need a reason", user: "minjia1", method: "POST", path: "/meetings", form: noReason,
				status: 422, want: []string{"缺席人员须说明原因", roster[2].Name}},
			{name: "海丹 cannot record for 民家一组", user: "haidan", method: "POST", path: "/meetings", form: committee, status: 404},
			{name: "the supervisor reads but may not record", user: "jiandu", method: "POST", path: "/meetings",
				form: url.Values{"org_id": {fmt.Sprint(mt.haidan1)}, "kind": {"committee"}, "topic": {"x"}, "held_on": {today}}, status: 403},
			{name: "the secretary records a 支委会", user: "minjia1", method: "POST", path: "/meetings", form: committee, status: 303},
			{name: "and it is no longer overdue", user: "minjia1", method: "GET", path: "/overdue", status: 200,
				not: []string{`data-kind="committee"`}},
			{name: "the meeting lists attendance", user: "minjia1", method: "GET", path: "/meetings?kind=committee", status: 200,
				want: []string{"研究十二月工作", "3/2"}},
			{name: "compliance of the branch", user: "minjia1", method: "GET", path: "/compliance/" + minjia, status: 200,
				want: []string{"支委会", "period met"}},
			{name: "API: record below quorum", user: "minjia1", method: "POST", path: "/api/v1/meetings",
				json: fmt.Sprintf(`{"org_id": %d, "kind": "committee", "topic": "补开", "held_on": %q, "attendance": [{"member_id": %d, "present": true}, {"member_id": %d, "present": false, "reason": "生病"}]}`,
					mt.minjia, today, roster[0].MemberID, roster[1].MemberID),
				status: 201, want: []string{`"counts":false`, `"rule":"meeting.quorum_committee"`, "未超过应到支委 2 人的半数"}},
			{name: "API: overdue list in pages", user: "admin", method: "GET", path: "/api/v1/overdue?limit=5", status: 200,
				want: []string{`"items":[`, `"next":`}},
			{name: "API: the excellent cap", user: "minjia1", method: "POST", path: "/api/v1/evaluations",
				json: strings.Replace(evalJSON, `"qualified"`, `"excellent"`, -1), status: 422,
				want: []string{`"rule":"evaluation.excellent_cap"`, "超过参评"}},
			{name: "API: an evaluation within the cap", user: "minjia1", method: "POST", path: "/api/v1/evaluations",
				json: evalJSON, status: 201},
			{name: "the evaluation page shows the result", user: "minjia1", method: "GET", path: "/evaluations", status: 200,
				want: []string{"评议结果", "优秀 1 人"}},
			{name: "海丹 cannot read 民家一组's evaluation", user: "haidan", method: "GET", path: "/evaluations?org_id=" + minjia, status: 404},
			{name: "stars: at least one lead", user: "minjia1", method: "POST", path: "/stars",
				form: url.Values{"org_id": {minjia}, "year": {"2026"}, "member_id": {fmt.Sprint(mt.self)}}, status: 422,
				want: []string{"1–5 星"}},
			{name: "stars: rated", user: "minjia1", method: "POST", path: "/stars",
				form: url.Values{"org_id": {minjia}, "year": {"2026"}, "member_id": {fmt.Sprint(mt.self)}, "leads": {"study", "serve", "law"}}, status: 303},
			{name: "duties: a post", user: "minjia1", method: "POST", path: "/duties",
				form: url.Values{"org_id": {minjia}, "year": {"2026"}, "member_id": {fmt.Sprint(mt.self)}, "post": {"党员联系户岗"}, "duty": {"宣讲政策"}}, status: 303},
			{name: "the member sees their own record", user: "dangyuan", method: "GET", path: "/me", status: 200,
				want: []string{mt.selfName, "********", "研究十二月工作", "党员联系户岗", "3 星"}, not: []string{mt.otherName, "别人的建议标题"}},
			{name: "a member has no reading scope", user: "dangyuan", method: "GET", path: fmt.Sprintf("/meetings/%d", hg.ID), status: 403},
			{name: "nor over another's suggestion", user: "dangyuan", method: "GET", path: fmt.Sprintf("/suggestions/%d", other.ID), status: 403},
			{name: "nor over the branch's lists", user: "dangyuan", method: "GET", path: "/stars?org_id=" + minjia, status: 403},
			{name: "API: own record only", user: "dangyuan", method: "GET", path: "/api/v1/me/record", status: 200,
				want: []string{`"linked":true`, mt.selfName}, not: []string{mt.otherName}},
			{name: "the member makes a suggestion", user: "dangyuan", method: "POST", path: "/me/suggestions",
				form: url.Values{"title": {"修建文化广场"}, "body": {"在民家一组修一个文化广场。"}}, status: 303},
			{name: "the branch sees it, oldest first", user: "minjia1", method: "GET", path: "/suggestions", status: 200,
				want: []string{"别人的建议标题", "修建文化广场", "已等待"}},
			{name: "the branch replies", user: "minjia1", method: "POST", path: fmt.Sprintf("/suggestions/%d/reply", other.ID),
				form: url.Values{"reply": {"已采纳"}}, status: 303},
			{name: "a second reply is refused", user: "minjia1", method: "POST", path: fmt.Sprintf("/suggestions/%d/reply", other.ID),
				form: url.Values{"reply": {"再答"}}, status: 409},
			{name: "answered list shows the time to reply", user: "minjia1", method: "GET", path: "/suggestions?answered=1", status: 200,
				want: []string{"别人的建议标题", "小时内答复"}},
			{name: "fund: income", user: "admin", method: "POST", path: "/fund/income",
				form: url.Values{"town_id": {fmt.Sprint(mt.Town.Town.ID)}, "amount": {"1,000.50"}, "on_date": {today}, "description": {"县委拨款"}}, status: 303},
			{name: "fund: bad amount", user: "admin", method: "POST", path: "/fund/income",
				form: url.Values{"town_id": {fmt.Sprint(mt.Town.Town.ID)}, "amount": {"12.345"}, "on_date": {today}, "description": {"x"}}, status: 400,
				want: []string{"最多两位小数"}},
			{name: "fund: a village leader cannot book income", user: "haidan", method: "POST", path: "/fund/income",
				form: url.Values{"town_id": {fmt.Sprint(mt.Town.Town.ID)}, "amount": {"10"}, "on_date": {today}, "description": {"x"}}, status: 403},
		}
		clients := map[string]*testkit.Client{}
		for _, sc := range steps {
			c := clients[sc.user]
			if c == nil {
				c = mt.Login(t, sc.user)
				clients[sc.user] = c
			}
			sc.run(t, c)
		}

		// The care fund: propose, self-approval, balance.
		v, err := mt.Svc.OrgLife.Fund(ctx, nil, mt.Town.Town.ID, orglife.FundPage{})
		if err != nil {
			t.Fatal(err)
		}
		balance := v.Balance
		propose := func(amount string) int64 {
			sc := meetingScenario{name: "propose " + amount, user: "admin", method: "POST",
				path: fmt.Sprintf("/fund/grants?org_id=%d&town_id=%d", mt.minjia, mt.Town.Town.ID),
				form: url.Values{"member_id": {fmt.Sprint(mt.other)}, "amount": {amount}, "reason": {"生活困难"}}, status: 303}
			sc.run(t, clients["admin"])
			var id int64
			if err := d.QueryRowContext(ctx, `SELECT MAX(id) FROM fund_grants`).Scan(&id); err != nil {
				t.Fatal(err)
			}
			return id
		}
		small, big := propose("500"), propose(fmt.Sprint(int64(balance)/100+1000))
		county := mt.Login(t, "county")
		decide := func(c *testkit.Client, user string, id int64, status int, want ...string) {
			meetingScenario{name: fmt.Sprintf("decide %d by %s", id, user), user: user, method: "POST",
				path: fmt.Sprintf("/fund/grants/%d/decide", id), form: url.Values{"town_id": {fmt.Sprint(mt.Town.Town.ID)}, "decision": {"approve"}},
				status: status, want: want}.run(t, c)
		}
		decide(clients["admin"], "admin", small, 422, "须由其他有审批权限的人员审批")
		decide(county, "county", big, 422, "余额 "+balance.String()+" 元，不足以发放")
		decide(county, "county", small, 303)
		body := meetingScenario{name: "fund page", user: "admin", method: "GET", path: "/fund", status: 200,
			want: []string{(balance - 50000).String(), "已批准发放", "待审批"}}.run(t, clients["admin"])
		if !strings.Contains(body, "生活困难") {
			t.Fatal("grants are not listed")
		}

		// The OpenAPI document lists this area's operations.
		meetingScenario{name: "openapi", user: "admin", method: "GET", path: "/api/v1/openapi.json", status: 200,
			want: []string{`"/api/v1/meetings"`, `"/api/v1/overdue"`, `"/api/v1/fund/grants/{id}/approve"`, "Record a meeting"}}.run(t, clients["admin"])
	})
}

func presentAll(ms []orglife.MeetingInvitee) []orglife.AttendanceInput {
	out := make([]orglife.AttendanceInput, len(ms))
	for i, m := range ms {
		out[i] = orglife.AttendanceInput{MemberID: m.MemberID, Present: true}
	}
	return out
}

// Every page of this area renders for each kind of user, in both
// languages, without errors and without a template key left untranslated.
func TestMeetingPagesRender(t *testing.T) {
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		mt := startMeetingTown(t, d)
		paths := []string{"/overdue", "/meetings", "/meetings/new", "/meetings/new?org_id=" + fmt.Sprint(mt.minjia),
			"/compliance", "/compliance/" + fmt.Sprint(mt.minjia), "/duties", "/stars", "/evaluations", "/suggestions",
			"/suggestions?answered=1", "/suggestions?pick=1", "/fund", "/fund?pick=1", "/fund?org_id=" + fmt.Sprint(mt.minjia), "/me"}
		for _, user := range []string{"admin", "minjia1", "haidan", "dangyuan"} {
			c := mt.Login(t, user)
			for _, lang := range []string{"zh", "en"} {
				c.Get("/lang/" + lang).Body.Close()
				for _, p := range paths {
					resp := c.Get(p)
					body := testkit.ReadBody(resp)
					if resp.StatusCode != 200 && resp.StatusCode != 404 && resp.StatusCode != 403 {
						t.Fatalf("%s %s (%s): status %d\n%.500s", user, p, lang, resp.StatusCode, body)
					}
					for _, leak := range []string{"meeting.", "overdue.", "compliance.", "suggestion.", "fund.", "star.", "duty.", "evaluation.", "me.", "nav."} {
						if i := strings.Index(body, ">"+leak); i >= 0 {
							t.Fatalf("%s %s (%s): untranslated key near %.60s", user, p, lang, body[i:])
						}
					}
				}
			}
		}
	})
}
