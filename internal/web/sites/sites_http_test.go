package sites_test

import (
	"fmt"
	"net/url"
	"strings"
	"testing"

	"dangjian/internal/db"
	"dangjian/internal/testkit"
)

// siteID finds a demo site by its organisation's name.
func siteID(t *testing.T, env *testkit.Env, name string) int64 {
	t.Helper()
	var id int64
	if err := env.DB.QueryRow(`SELECT s.id FROM sites s JOIN orgs o ON o.id = s.org_id WHERE o.name = $1 AND s.plan_id IS NOT NULL`, name).Scan(&id); err != nil {
		t.Fatal(err)
	}
	return id
}

// The pages and the API as the town, the accountant, a village leader
// and a branch secretary see them; the reconciliation shows the seed's
// numbers and moves with a payment.
func TestSitesPagesAndAPI(t *testing.T) {
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		env := testkit.Start(t, d)
		admin, kuaiji, haidan, minjia1 := env.Login(t, "admin"), env.Login(t, "kuaiji"), env.Login(t, "haidan"), env.Login(t, "minjia1")
		haixa, haidanSite, mj1 := siteID(t, env, "海戛村党总支"), siteID(t, env, "海丹村党总支"), siteID(t, env, "民家一组党支部")
		p := func(f string, a ...any) string { return fmt.Sprintf(f, a...) }
		for _, c := range []struct {
			who *testkit.Client
			x   testkit.Exchange
		}{
			{admin, testkit.Exchange{Path: "/sites", Status: 200, Has: []string{"民家村党总支", "大树脚党支部", "县级补助标准", "960,000.00"}}},
			{haidan, testkit.Exchange{Path: "/sites", Status: 200, Has: []string{"海丹村党总支"}, HasNot: []string{"海戛村党总支"}}},
			{haidan, testkit.Exchange{Path: p("/sites/%d", haidanSite), Status: 200,
				Has: []string{"主楼 1 幢、附楼 2 幢，占地 2000 平方米，建筑面积 1558 平方米", "960,000.00", `id="milestone-form"`}, HasNot: []string{`id="disbursement-form"`}}},
			{haidan, testkit.Exchange{Path: p("/sites/%d", haixa), Status: 404}},
			{minjia1, testkit.Exchange{Path: p("/sites/%d", mj1), Status: 200, Has: []string{"已验收"}, HasNot: []string{`id="milestone-form"`}}},
			{haidan, testkit.Exchange{Path: "/site-reconciliation", Status: 404}},
			{kuaiji, testkit.Exchange{Path: "/site-reconciliation", Status: 200, Has: []string{
				`id="recon-due">4,170,000.00`, `id="recon-declared">3,800,000.00`, `id="recon-difference">370,000.00`,
				`">3×96 &#43; 50 &#43; 10 &#43; 6×10 &#43; 3×3 = 417`, "多 37 万元", "县财政按大坪实际核定补助 50 万元", "累计补助自“得戛二组党支部”起超过申报总额"}}},
			{kuaiji, testkit.Exchange{Path: "/site-progress", Status: 200, Has: []string{"岩头", "黄泥堡"}}},
			{kuaiji, testkit.Exchange{Path: "/api/v1/site-reconciliation", Status: 200, Has: []string{`"due_fen":41700000`, `"declared_fen":38000000`, `"difference_fen":3700000`}}},
			{kuaiji, testkit.Exchange{Path: "/api/v1/site-progress", Status: 200, Has: []string{`"group_branches":143`}}},
			{admin, testkit.Exchange{Path: "/api/v1/sites?limit=5", Status: 200, Has: []string{`"next":`}}},
			{admin, testkit.Exchange{Path: p("/api/v1/sites/%d", haixa), Status: 200, Has: []string{`"subsidy_due_fen":96000000`, `"county_paid_fen":57600000`}}},
			// The rule's message, with its numbers, beside the form.
			{kuaiji, testkit.Exchange{Path: p("/sites/%d/disbursements", haixa), Form: url.Values{"source": {"county"}, "amount": {"400000"}, "paid_on": {"2026-11-20"}},
				Status: 422, Has: []string{"海戛村党总支 应补助 960,000.00 元，已拨 576,000.00 元，本次 400,000.00 元将超出（最多还可拨 384,000.00 元）"}}},
			{haidan, testkit.Exchange{Path: p("/sites/%d/disbursements", haidanSite), Form: url.Values{"amount": {"1"}, "paid_on": {"2026-11-20"}}, Status: 403}},
			{kuaiji, testkit.Exchange{Path: p("/sites/%d/disbursements", haixa), Form: url.Values{"source": {"county"}, "amount": {"384000"}, "paid_on": {"2026-11-20"}, "voucher": {"县财补二期"}},
				Status: 303}},
			{kuaiji, testkit.Exchange{Path: "/site-reconciliation", Status: 200, Has: []string{`id="recon-paid">3,124,000.00`, `id="recon-difference">370,000.00`}}},
			{kuaiji, testkit.Exchange{Name: "API", Method: "POST", Path: p("/api/v1/sites/%d/disbursements", haixa), JSON: `{"amount_fen": 1, "paid_on": "2026-11-20"}`,
				Status: 422, Has: []string{`"rule":"site.county_over_due"`}}},
			{haidan, testkit.Exchange{Method: "POST", Path: p("/api/v1/sites/%d/milestones", haidanSite), JSON: `{"on_date": "2026-11-25", "title": "内部装修"}`, Status: 201}},
			{haidan, testkit.Exchange{Path: p("/sites/%d/milestones", haidanSite), Form: url.Values{"on_date": {"2026-11-26"}, "stage": {"completed"}, "title": {"竣工"}}, Status: 303}},
			{admin, testkit.Exchange{Path: p("/sites/%d", haidanSite), Status: 200, Has: []string{"内部装修", "竣工待验收", `id="accept-form"`}}},
			{admin, testkit.Exchange{Path: p("/sites/%d/accept", haidanSite), Form: url.Values{"accepted_on": {"2026-11-26"}}, Status: 303}},
			{admin, testkit.Exchange{Path: "/sites", Form: nil, Status: 200}},
			{admin, testkit.Exchange{Path: "/site-rates?town_id=" + fmt.Sprint(env.Town.Town.ID), Form: url.Values{"level": {"branch"}, "kind": {"renovate"}, "amount": {"40000"}}, Status: 303}},
			{admin, testkit.Exchange{Path: "/site-reconciliation", Status: 200, Has: []string{`id="recon-due">4,200,000.00`, "多 40 万元"}}},
		} {
			c.x.Check(t, c.who)
		}
		// The workbook downloads.
		resp := kuaiji.Get("/site-reconciliation.xlsx")
		body := testkit.ReadBody(resp)
		if resp.StatusCode != 200 || !strings.HasPrefix(body, "PK") {
			t.Fatalf("xlsx: %d %.100q", resp.StatusCode, body)
		}
		// English.
		en := env.Login(t, "county")
		testkit.Exchange{Path: "/site-reconciliation?town_id=" + fmt.Sprint(env.Town.Town.ID), Status: 200}.Check(t, en)
	})
}
