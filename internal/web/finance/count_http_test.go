package finance_test

import (
	"bytes"
	"encoding/json"
	"io"
	"net/url"
	"strconv"
	"testing"

	"github.com/xuri/excelize/v2"

	"dangjian/internal/db"
	"dangjian/internal/finance"
	"dangjian/internal/testkit"
)

func TestCountPagesAndAPI(t *testing.T) {
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		env := testkit.Start(t, d)
		haidan, zhuren, kuaiji, admin, haiga := env.Login(t, "haidan"), env.Login(t, "haidanzhuren"), env.Login(t, "kuaiji"),
			env.Login(t, "admin"), env.Login(t, "haiga")
		ours, theirs := env.Town.Villages["海丹"].ID, env.Town.Villages["海戛"].ID
		id := func(n int64) string { return strconv.FormatInt(n, 10) }
		demo, err := env.Svc.Finance.Counts(t.Context(), nil, theirs)
		if err != nil || len(demo) != 1 || demo[0].State != finance.CountClosed || demo[0].Discrepancies != 1 {
			t.Fatalf("the demo's count in 海戛: %v %+v", err, demo)
		}
		report := "/finance/counts/" + id(demo[0].ID)
		for _, c := range []struct {
			name   string
			client *testkit.Client
			x      testkit.Exchange
		}{
			{"the village's counts", haiga, testkit.Exchange{Path: "/finance/counts", Status: 200, Has: []string{"三资清查", "已结束", "清查基准日"}}},
			{"the report", admin, testkit.Exchange{Path: report, Status: 200, Has: []string{"农用拖拉机", "发动机损坏", "送农机站维修", "海戛村委会主任", "盘点差异及处理", "相符"},
				HasNot: []string{"count-close", "结束清查</button>"}}},
			{"another village's report", haidan, testkit.Exchange{Path: report, Status: 404}},
			{"another village's counts", haidan, testkit.Exchange{Path: "/finance/counts?org_id=" + id(theirs), Status: 404}},
			{"the village does not open counts", haidan, testkit.Exchange{Method: "POST", Path: "/finance/counts?org_id=" + id(ours),
				Form: url.Values{"name": {"清查"}, "starts_on": {"2026-11-01"}}, Status: 403}},
			{"API: the demo's count", haiga, testkit.Exchange{Path: "/api/v1/finance/counts/" + id(demo[0].ID), Status: 200, Has: []string{`"discrepancies":1`, `"resolver_name":"海戛村委会主任"`}}},
			{"API: counts", haiga, testkit.Exchange{Path: "/api/v1/finance/counts?org_id=" + id(theirs), Status: 200, Has: []string{`"state":"closed"`}}},
			{"API: another village's", haidan, testkit.Exchange{Path: "/api/v1/finance/counts/" + id(demo[0].ID), Status: 404}},
			{"departure audit lists the count", admin, testkit.Exchange{Path: "/finance/departure-audit?org_id=" + id(theirs) + "&user_id=" + id(env.Town.UserIDs["haiga"]),
				Status: 200, Has: []string{"任期内的清查", demo[0].Name}}},
			{"API: departure audit", admin, testkit.Exchange{Path: "/api/v1/finance/departure-audit?org_id=" + id(theirs) + "&user_id=" + id(env.Town.UserIDs["haiga"]),
				Status: 200, Has: []string{`"counts":[{`, `"discrepancies":1`}}},
			{"API: the village cannot audit", haiga, testkit.Exchange{Path: "/api/v1/finance/departure-audit?org_id=" + id(theirs) + "&user_id=" + id(env.Town.UserIDs["haiga"]), Status: 403}},
		} {
			t.Run(c.name, func(t *testing.T) { c.x.Check(t, c.client) })
		}

		// The departure audit's workbook has a sheet of the term's counts.
		resp := admin.Get("/finance/departure-audit.xlsx?org_id=" + id(theirs) + "&user_id=" + id(env.Town.UserIDs["haiga"]))
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		x, err := excelize.OpenReader(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		rows, err := x.GetRows("清查")
		if err != nil || len(rows) != 2 || rows[1][2] != "已结束" || rows[1][4] != "1" {
			t.Fatalf("sheet 清查: %v %v", err, rows)
		}

		// A count of 海丹 from opening to closing, through the API and the pages.
		body := testkit.Exchange{Method: "POST", Path: "/api/v1/finance/counts", JSON: `{"org_id":` + id(ours) + `,"name":"年中清查","starts_on":"2026-11-01"}`,
			Status: 201, Has: []string{`"items":4`, `"book_value_fen"`}}.Check(t, kuaiji)
		var c finance.Count
		if err := json.Unmarshal([]byte(body), &c); err != nil || len(c.Lines) != 4 {
			t.Fatalf("opened %v %s", err, body)
		}
		tractor := c.Lines[1]
		lineURL := "/finance/count-lines/" + id(tractor.ID)
		q := "?count_id=" + id(c.ID) + "&line=" + id(tractor.ID)
		for _, x := range []struct {
			name   string
			client *testkit.Client
			x      testkit.Exchange
		}{
			{"a discrepancy needs its reason", haidan, testkit.Exchange{Method: "POST", Path: lineURL + "/record" + q,
				Form: url.Values{"found_qty": {"1"}, "found_value": {"10000"}}, Status: 400, Has: []string{"须说明原因", "年中清查"}}},
			{"the agent does not count", kuaiji, testkit.Exchange{Method: "POST", Path: "/api/v1" + lineURL + "/record",
				JSON: `{"found_qty":1,"found_value_fen":0}`, Status: 403}},
			{"recorded", haidan, testkit.Exchange{Method: "POST", Path: lineURL + "/record" + q,
				Form: url.Values{"found_qty": {"1"}, "found_value": {"10000"}, "note": {"轮胎老化"}}, Status: 303}},
			{"not one's own", haidan, testkit.Exchange{Method: "POST", Path: lineURL + "/resolve" + q,
				Form: url.Values{"resolution": {"更换轮胎"}}, Status: 422, Has: []string{"本人不能批准处理"}}},
			{"not while items are uncounted", kuaiji, testkit.Exchange{Method: "POST", Path: "/finance/counts/" + id(c.ID) + "/close",
				Status: 422, Has: []string{"还有 3 项（共 4 项）尚未盘点"}}},
		} {
			t.Run(x.name, func(t *testing.T) { x.x.Check(t, x.client) })
		}
		for _, l := range c.Lines {
			if l.ID != tractor.ID {
				testkit.Exchange{Method: "POST", Path: "/api/v1/finance/count-lines/" + id(l.ID) + "/record",
					JSON: `{"found_qty":1,"found_value_fen":` + strconv.FormatInt(int64(l.BookValue), 10) + `}`, Status: 200, Has: []string{`"discrepancy":false`}}.Check(t, zhuren)
			}
		}
		testkit.Exchange{Method: "POST", Path: "/api/v1/finance/counts/" + id(c.ID) + "/close", Status: 422,
			Has: []string{`"rule":"count.unresolved"`, "还有 1 项盘点差异未经批准处理"}}.Check(t, kuaiji)
		testkit.Exchange{Path: "/", Status: 200, Has: []string{"待批准处理的盘点差异 1 项"}}.Check(t, zhuren)
		haidan.Get("/lang/en?next=/")
		testkit.Exchange{Method: "POST", Path: "/api/v1" + lineURL + "/resolve", JSON: `{"resolution":"x"}`, Status: 422,
			Has: []string{`"rule":"count.self_approval"`, "cannot approve its resolution"}}.Check(t, haidan)
		haidan.Get("/lang/zh?next=/")
		testkit.Exchange{Method: "POST", Path: "/api/v1" + lineURL + "/resolve", JSON: `{"resolution":"更换轮胎后继续使用"}`, Status: 200,
			Has: []string{`"resolver_name":"海丹村委会主任"`}}.Check(t, zhuren)
		testkit.Exchange{Method: "POST", Path: "/finance/counts/" + id(c.ID) + "/close", Status: 303}.Check(t, kuaiji)
		testkit.Exchange{Path: "/finance/counts/" + id(c.ID), Status: 200, Has: []string{"已结束", "轮胎老化", "更换轮胎后继续使用"}}.Check(t, haidan)
	})
}

func TestSignerPageAndRegisterAPI(t *testing.T) {
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		env := testkit.Start(t, d)
		haidan, kuaiji, admin := env.Login(t, "haidan"), env.Login(t, "kuaiji"), env.Login(t, "admin")
		ours := env.Town.Villages["海丹"].ID
		id := func(n int64) string { return strconv.FormatInt(n, 10) }
		town := id(env.Town.Town.ID)
		assets, err := env.Svc.Finance.Assets(t.Context(), nil, ours, 0, 0)
		if err != nil || len(assets) == 0 {
			t.Fatal(err)
		}
		contracts, err := env.Svc.Finance.Contracts(t.Context(), nil, ours)
		if err != nil || len(contracts) == 0 {
			t.Fatal(err)
		}
		for _, c := range []struct {
			name   string
			client *testkit.Client
			x      testkit.Exchange
		}{
			{"signers", admin, testkit.Exchange{Path: "/finance/signers", Status: 200, Has: []string{"一支笔审批人", "海丹村党总支", "未指定", "海丹村委会主任"}}},
			{"the limits page links to it", admin, testkit.Exchange{Path: "/finance/limits", Status: 200, Has: []string{`href="/finance/signers?town_id=` + town}}},
			{"designate", admin, testkit.Exchange{Method: "POST", Path: "/finance/signers", Form: url.Values{"town_id": {town}, "org_id": {id(ours)},
				"user_id": {id(env.Town.UserIDs["haidanzhuren"])}}, Status: 303}},
			{"designated, with its history", admin, testkit.Exchange{Path: "/finance/signers", Status: 200, Has: []string{"未指定 → 海丹村委会主任"}}},
			{"only one who may approve", admin, testkit.Exchange{Method: "POST", Path: "/finance/signers", Form: url.Values{"town_id": {town}, "org_id": {id(ours)},
				"user_id": {id(env.Town.UserIDs["jiandu"])}}, Status: 400}},
			{"the village cannot designate", haidan, testkit.Exchange{Method: "POST", Path: "/api/v1/finance/signers",
				JSON: `{"org_id":` + id(ours) + `,"user_id":` + id(env.Town.UserIDs["haidan"]) + `}`, Status: 403}},
			{"API: signers", admin, testkit.Exchange{Path: "/api/v1/finance/signers", Status: 200, Has: []string{`"history":[{`, `"after":"海丹村委会主任"`}}},
			{"API: fixed assets", haidan, testkit.Exchange{Path: "/api/v1/finance/fixed-assets?org_id=" + id(ours), Status: 200, Has: []string{"村委会办公楼", `"net_value_fen"`}}},
			{"API: add an asset", kuaiji, testkit.Exchange{Method: "POST", Path: "/api/v1/finance/fixed-assets", JSON: `{"org_id":` + id(ours) +
				`,"name":"水泵","category":"operating","location":"仓库","custodian":"村委会","acquired_on":"2026-01-01","original_fen":300000,"life_months":120}`,
				Status: 201, Has: []string{`"status":"in_use"`}}},
			{"API: ask for a disposal", haidan, testkit.Exchange{Method: "POST", Path: "/api/v1/finance/fixed-assets/" + id(assets[0].ID) + "/dispose",
				JSON: `{"reason":"已损坏","value_fen":50000}`, Status: 200, Has: []string{`"status":"disposing"`}}},
			{"API: not one's own disposal", haidan, testkit.Exchange{Method: "POST", Path: "/api/v1/finance/fixed-assets/" + id(assets[0].ID) + "/approve",
				Status: 422, Has: []string{`"rule":"finance.self_approval"`}}},
			{"API: approved", env.Login(t, "haidanzhuren"), testkit.Exchange{Method: "POST", Path: "/api/v1/finance/fixed-assets/" + id(assets[0].ID) + "/approve",
				Status: 200, Has: []string{`"status":"disposed"`}}},
			{"API: contracts", haidan, testkit.Exchange{Path: "/api/v1/finance/resource-contracts?org_id=" + id(ours), Status: 200, Has: []string{"大坝鱼塘"}}},
			{"API: add a contract", kuaiji, testkit.Exchange{Method: "POST", Path: "/api/v1/finance/resource-contracts", JSON: `{"org_id":` + id(ours) +
				`,"resource_name":"荒山","resource_kind":"forest","area":"10 亩","counterparty":"李四","signer_name":"王五","starts_on":"2026-01-01","ends_on":"2030-01-01","annual_rent_fen":100000}`,
				Status: 201, Has: []string{`"arrears_fen":100000`}}},
			{"API: rent", kuaiji, testkit.Exchange{Method: "POST", Path: "/api/v1/finance/resource-contracts/" + id(contracts[0].ID) + "/rent",
				JSON: `{"amount_fen":100000}`, Status: 200, Has: []string{`"paid_fen"`}}},
			{"year-end on the books page", kuaiji, testkit.Exchange{Path: "/finance/books?org_id=" + id(ours), Status: 200, Has: []string{"年终结转", `value="2025"`}}},
			{"year-end: December is closed", kuaiji, testkit.Exchange{Method: "POST", Path: "/finance/year-end?org_id=" + id(ours),
				Form: url.Values{"year": {"2025"}}, Status: 422, Has: []string{"2025-12 已结账"}}},
			{"API: the year has not ended", kuaiji, testkit.Exchange{Method: "POST", Path: "/api/v1/finance/year-end",
				JSON: `{"org_id":` + id(ours) + `,"year":2026}`, Status: 422, Has: []string{`"rule":"finance.year_not_ended"`}}},
			{"API: the village does not carry its year", haidan, testkit.Exchange{Method: "POST", Path: "/api/v1/finance/year-end",
				JSON: `{"org_id":` + id(ours) + `,"year":2025}`, Status: 403}},
			{"API: the village does not receive rent", haidan, testkit.Exchange{Method: "POST", Path: "/api/v1/finance/resource-contracts/" + id(contracts[0].ID) + "/rent",
				JSON: `{"amount_fen":100000}`, Status: 403}},
		} {
			t.Run(c.name, func(t *testing.T) { c.x.Check(t, c.client) })
		}
	})
}
