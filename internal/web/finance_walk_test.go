package web_test

import (
	"fmt"
	"net/url"
	"strconv"

	"dangjian/internal/org"
	"dangjian/internal/testkit"
)

// Village finance's records for the walks: 海戛's vouchers, expenditure
// requests and ledgers, and the village its lists need.
func init() {
	village := func(w *walk) int64 { return w.env.Town.Villages[foreignVillage].ID }
	foreignIDs["vouchers"] = func(w *walk) (int64, error) {
		return w.one(`SELECT MIN(id) FROM finance_vouchers WHERE org_id = $1`, village(w))
	}
	foreignIDs["expenditures"] = func(w *walk) (int64, error) {
		return w.one(`SELECT MIN(id) FROM finance_requests WHERE org_id = $1`, village(w))
	}
	foreignIDs["ledgers"] = func(w *walk) (int64, error) {
		return w.one(`SELECT id FROM finance_accounts WHERE org_id = $1 AND code = '102'`, village(w))
	}
	byVillage := func(w *walk) (url.Values, error) {
		return url.Values{"org_id": {strconv.FormatInt(village(w), 10)}}, nil
	}
	for _, p := range []string{"/api/v1/finance/trial-balance", "/api/v1/finance/statements", "/api/v1/finance/periods",
		"/api/v1/finance/vouchers", "/api/v1/finance/journal", "/api/v1/finance/reconciliations", "/api/v1/finance/expenditures"} {
		happyQuery[p] = byVillage
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
		fmt.Sprintf("/finance/vouchers/%d", voucher), fmt.Sprintf("/finance/ledgers/%d", bank)}
	if request != 0 {
		pages = append(pages, fmt.Sprintf("/finance/expenditures/%d", request), "/finance/expenditures/new"+q)
	}
	if user == "admin" {
		pages = append(pages, "/finance/limits")
	}
	return pages
}
