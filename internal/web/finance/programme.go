// Package finance is village finance on the web (村财镇管村用): the books
// the town agent keeps for each village (vouchers, journal, ledger, trial
// balance, statements, month close, reconciliation, the monthly 财务公开)
// and expenditure requests on their way from the village through approval,
// the supervision committee's review and the agent's payment.
package finance

import (
	"embed"

	"dangjian/internal/auth"
	"dangjian/internal/web"
)

//go:embed templates
var templates embed.FS

// handlers serve the programme's pages and API.
type handlers struct{ web.Handlers }

// New builds the programme for the web kit.
func New(base web.Handlers) web.Programme {
	h := &handlers{base}
	return web.Programme{
		Name:      "finance",
		Templates: templates,
		Routes:    h.routes(),
		Home:      h.home,
		APIDocs:   apiDocs,
		Nav: []web.NavItem{
			{Section: web.SectionMechanisms, Href: "/finance", Label: "nav.finance", Perm: auth.PermFinanceRead},
			{Section: web.SectionMechanisms, Href: "/finance/expenditures", Label: "nav.finance_requests", Perm: auth.PermFinanceRead},
		},
		Perms: []auth.Perm{auth.PermFinanceRead, auth.PermFinanceKeep, auth.PermFinanceRequest, auth.PermFinanceApprove,
			auth.PermFinanceReview, auth.PermFinancePay, auth.PermFinanceManage},
	}
}
