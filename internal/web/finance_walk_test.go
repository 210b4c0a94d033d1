package web_test

import (
	"context"
	"fmt"
	"net/url"
	"strconv"

	"dangjian/internal/day"
	"dangjian/internal/db"
	"dangjian/internal/finance"
	"dangjian/internal/org"
	"dangjian/internal/testkit"
)

// Village finance's records for the walks: the place's vouchers,
// expenditure requests, ledgers, assets and contracts, and the village
// its lists need.
func init() {
	// The records lie in the walk's subtree (w.at: 海戛 for the walk, each
	// place of the matrix) or, at a group, in the village whose books it
	// shares; the town level keeps no books, so it has none.
	in := ` x JOIN orgs o ON o.id = x.org_id WHERE (o.path >= $1 AND o.path < $2 OR $1 LIKE o.path || '%')`
	first := func(table, cond string) func(w *walk) (int64, error) {
		return func(w *walk) (int64, error) {
			return w.one(`SELECT MIN(x.id) FROM `+table+in+cond, w.at.Path, db.PathEnd(w.at.Path))
		}
	}
	foreignIDs["vouchers"] = first("finance_vouchers", "")
	// A village whose books hold no request yet (民家, above the group
	// accounts) gets one, as the weak flags' look-up does.
	foreignIDs["expenditures"] = func(w *walk) (int64, error) {
		if id, err := first("finance_requests", "")(w); err == nil {
			return id, nil
		}
		village, err := w.one(`SELECT MAX(o.id) FROM orgs o WHERE o.type = 'general_branch' AND $1 LIKE o.path || '%'`, w.at.Path)
		if err != nil {
			return 0, err
		}
		r, err := w.env.Svc.Finance.CreateRequest(context.Background(), nil, finance.NewRequest{OrgID: village,
			Purpose: "修路", Payee: "施工队", Amount: 100, ExpenseCode: "514"})
		return r.ID, err
	}
	foreignIDs["ledgers"] = first("finance_accounts", ` AND x.code = '102'`)
	foreignIDs["fixed-assets"] = first("finance_assets", "")
	foreignIDs["resource-contracts"] = first("finance_contracts", "")
	// A place whose village has no 清查 yet (every one but 海戛) gets an
	// open one, so its lines can be walked too.
	foreignIDs["counts"] = func(w *walk) (int64, error) {
		if id, err := first("finance_counts", "")(w); err == nil {
			return id, nil
		}
		village, err := w.one(`SELECT MAX(o.id) FROM orgs o WHERE o.type = 'general_branch' AND $1 LIKE o.path || '%'`, w.at.Path)
		if err != nil {
			return 0, err
		}
		c, err := w.env.Svc.Finance.OpenCount(context.Background(), nil, finance.NewCount{OrgID: village, Name: "清查", StartsOn: day.New(2026, 11, 1)})
		return c.ID, err
	}
	foreignIDs["count-lines"] = func(w *walk) (int64, error) {
		if _, err := foreignIDs["counts"](w); err != nil {
			return 0, err
		}
		return first("finance_count_lines", "")(w)
	}
	byVillage := func(w *walk) (url.Values, error) {
		return url.Values{"org_id": {strconv.FormatInt(w.env.Town.Villages[foreignVillage].ID, 10)}}, nil
	}
	// The ids finance's writes take in their bodies: the village (or, for
	// the limits, the town) named in the form or the JSON. Steps on a
	// request or voucher take theirs from the path.
	lines := `"lines": [{"account_code": "513", "debit_fen": 100}, {"account_code": "101", "credit_fen": 100}]`
	for k, v := range map[string]bodyCase{
		"POST /finance/periods/close":             {form: map[string]string{"org_id": "$org", "period": "2026-10"}},
		"POST /finance/disclosures":               {form: map[string]string{"org_id": "$org", "period": "2026-10"}},
		"POST /finance/vouchers":                  {form: map[string]string{"org_id": "$org", "date": "2026-11-20", "summary": "购买灯泡", "code_0": "513", "debit_0": "1", "code_1": "101", "credit_1": "1"}},
		"POST /finance/reconciliations":           {form: map[string]string{"org_id": "$org", "period": "2026-10", "account_code": "102", "statement": "100"}},
		"POST /finance/limits":                    {form: map[string]string{"town_id": "$town", "signer_limit": "20000", "collective_limit": "50000"}},
		"POST /finance/expenditures":              {form: map[string]string{"org_id": "$org", "purpose": "修路", "payee": "施工队", "amount": "100", "expense_account_code": "514"}},
		"POST /finance/fixed-assets":              {form: map[string]string{"org_id": "$org", "name": "水泵", "category": "operating", "location": "仓库", "custodian": "村委会", "acquired_on": "2026-01-01", "original": "1000", "life_years": "10"}},
		"POST /finance/resource-contracts":        {form: map[string]string{"org_id": "$org", "resource_name": "荒山", "resource_kind": "forest", "area": "10 亩", "counterparty": "李四", "signer_name": "王五", "starts_on": "2026-01-01", "ends_on": "2030-01-01", "annual_rent": "1000"}},
		"POST /api/v1/finance/periods/close":      {json: `{"org_id": "$org", "period": "2026-10"}`},
		"POST /api/v1/finance/disclosures":        {json: `{"org_id": "$org", "period": "2026-10"}`},
		"POST /api/v1/finance/vouchers":           {json: `{"org_id": "$org", "date": "2026-11-20", "summary": "购买灯泡", ` + lines + `}`},
		"POST /api/v1/finance/reconciliations":    {json: `{"org_id": "$org", "period": "2026-10", "account_code": "102", "statement_fen": 100, "items": []}`},
		"POST /finance/year-end":                  {form: map[string]string{"org_id": "$org", "year": "2025"}},
		"POST /api/v1/finance/year-end":           {json: `{"org_id": "$org", "year": 2025}`},
		"POST /finance/counts":                    {form: map[string]string{"org_id": "$org", "name": "清查", "starts_on": "2026-11-01"}},
		"POST /finance/signers":                   {form: map[string]string{"org_id": "$org", "town_id": "$town"}},
		"POST /api/v1/finance/counts":             {json: `{"org_id": "$org", "name": "清查", "starts_on": "2026-11-01"}`},
		"POST /api/v1/finance/signers":            {json: `{"org_id": "$org", "user_id": 0}`},
		"POST /api/v1/finance/fixed-assets":       {json: `{"org_id": "$org", "name": "水泵", "category": "operating", "location": "仓库", "custodian": "村委会", "acquired_on": "2026-01-01", "original_fen": 100000, "life_months": 120}`},
		"POST /api/v1/finance/resource-contracts": {json: `{"org_id": "$org", "resource_name": "荒山", "resource_kind": "forest", "area": "10 亩", "location": "", "counterparty": "李四", "signer_name": "王五", "starts_on": "2026-01-01", "ends_on": "2030-01-01", "annual_rent_fen": 100000}`},
		"POST /api/v1/finance/expenditures":       {json: `{"org_id": "$org", "purpose": "修路", "payee": "施工队", "amount_fen": 100, "expense_account_code": "514"}`},
	} {
		bodyFields[k] = v
	}
	for _, k := range []string{"POST /finance/vouchers/{id}/post", "POST /finance/expenditures/{id}/approve",
		"POST /finance/expenditures/{id}/review", "POST /finance/expenditures/{id}/pay", "POST /finance/expenditures/{id}/reject",
		"POST /finance/expenditures/{id}/withdraw", "POST /api/v1/finance/vouchers/{id}/post",
		"POST /api/v1/finance/expenditures/{id}/approve", "POST /api/v1/finance/expenditures/{id}/review",
		"POST /api/v1/finance/expenditures/{id}/pay", "POST /api/v1/finance/expenditures/{id}/reject",
		"POST /api/v1/finance/expenditures/{id}/withdraw", "POST /finance/fixed-assets/{id}/dispose",
		"POST /finance/fixed-assets/{id}/approve", "POST /finance/resource-contracts/{id}/rent",
		"POST /api/v1/finance/fixed-assets/{id}/dispose", "POST /api/v1/finance/fixed-assets/{id}/approve",
		"POST /api/v1/finance/resource-contracts/{id}/rent", "POST /finance/counts/{id}/close", "POST /finance/count-lines/{id}/record",
		"POST /finance/count-lines/{id}/resolve", "POST /api/v1/finance/counts/{id}/close", "POST /api/v1/finance/count-lines/{id}/record",
		"POST /api/v1/finance/count-lines/{id}/resolve"} {
		bodyFields[k] = bodyCase{}
	}
	// Every finance list decides the village (or town) it names like a
	// record: another village's answers as one that does not exist.
	listQuery["GET /finance"] = map[string]int{}
	listQuery["GET /api/v1/finance/villages"] = map[string]int{}
	listQuery["GET /finance/limits"] = map[string]int{"town_id": 404}
	listQuery["GET /finance/signers"] = map[string]int{"town_id": 404}
	listQuery["GET /api/v1/finance/signers"] = map[string]int{"town_id": 404}
	listQuery["GET /api/v1/finance/departure-audit"] = map[string]int{"org_id": 404, "user_id": 404}
	listQuery["GET /finance/departure-audit"] = map[string]int{"org_id": 404, "user_id": 404}
	listQuery["GET /finance/departure-audit.xlsx"] = map[string]int{"org_id": 404, "user_id": 404}
	for _, p := range []string{"/finance/books", "/finance/vouchers", "/finance/journal", "/finance/statements",
		"/finance/reconciliations", "/finance/expenditures", "/finance/expenditures/new", "/finance/fixed-assets", "/finance/resource-contracts",
		"/finance/counts", "/api/v1/finance/counts", "/api/v1/finance/fixed-assets", "/api/v1/finance/resource-contracts",
		"/api/v1/finance/trial-balance",
		"/api/v1/finance/statements", "/api/v1/finance/periods", "/api/v1/finance/vouchers", "/api/v1/finance/journal",
		"/api/v1/finance/reconciliations", "/api/v1/finance/expenditures"} {
		listQuery["GET "+p] = map[string]int{"org_id": 404}
	}
	for _, p := range []string{"/api/v1/finance/trial-balance", "/api/v1/finance/statements", "/api/v1/finance/periods",
		"/api/v1/finance/vouchers", "/api/v1/finance/journal", "/api/v1/finance/reconciliations", "/api/v1/finance/expenditures",
		"/api/v1/finance/counts", "/api/v1/finance/fixed-assets", "/api/v1/finance/resource-contracts"} {
		happyQuery[p] = byVillage
	}
	happyQuery["/api/v1/finance/departure-audit"] = func(w *walk) (url.Values, error) {
		return url.Values{"org_id": {strconv.FormatInt(w.env.Town.Villages[foreignVillage].ID, 10)},
			"user_id": {strconv.FormatInt(w.env.Town.UserIDs["haiga"], 10)}}, nil
	}
}

// financePages are village finance's pages for the phone test, for the
// accounts that read a village's books.
func financePages(env *testkit.Env, user string, scope org.Org) []string {
	if user == "minjia1" {
		return nil
	}
	var voucher, request, bank int64
	env.DB.QueryRow(`SELECT MIN(id) FROM finance_vouchers WHERE org_id = $1`, scope.ID).Scan(&voucher)
	env.DB.QueryRow(`SELECT COALESCE(MIN(id), 0) FROM finance_requests WHERE org_id = $1`, scope.ID).Scan(&request)
	env.DB.QueryRow(`SELECT id FROM finance_accounts WHERE org_id = $1 AND code = '102'`, scope.ID).Scan(&bank)
	q := fmt.Sprintf("?org_id=%d", scope.ID)
	pages := []string{"/finance", "/finance/books" + q, "/finance/vouchers" + q, "/finance/journal" + q,
		"/finance/statements" + q, "/finance/reconciliations" + q, "/finance/expenditures" + q,
		"/finance/fixed-assets" + q, "/finance/resource-contracts" + q, "/finance/counts" + q, fmt.Sprintf("/finance/vouchers/%d", voucher), fmt.Sprintf("/finance/ledgers/%d", bank)}
	var count int64 // the demo's 清查 is 海戛's, which the town admin reads
	env.DB.QueryRow(`SELECT COALESCE(MIN(id), 0) FROM finance_counts WHERE org_id = $1 OR $2`, scope.ID, user == "admin").Scan(&count)
	if count != 0 {
		pages = append(pages, fmt.Sprintf("/finance/counts/%d", count))
	}
	if request != 0 {
		pages = append(pages, fmt.Sprintf("/finance/expenditures/%d", request), "/finance/expenditures/new"+q)
	}
	if user == "admin" {
		pages = append(pages, "/finance/limits", "/finance/signers", "/finance/departure-audit"+q,
			"/finance/departure-audit"+q+fmt.Sprintf("&user_id=%d", env.Town.UserIDs["minjia1"]))
	}
	return pages
}
