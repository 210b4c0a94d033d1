package auth

// Permissions of village finance (村财镇管村用).
const (
	PermFinanceRead    Perm = "finance.read"    // a village's books, requests, statements
	PermFinanceKeep    Perm = "finance.keep"    // vouchers, posting, period close, reconciliation (镇代理会计)
	PermFinanceRequest Perm = "finance.request" // request an expenditure for the village
	PermFinanceApprove Perm = "finance.approve" // approve a request: 一支笔 or 两委 collectively
	PermFinanceReview  Perm = "finance.review"  // 村务监督委员会 review of a request
	PermFinancePay     Perm = "finance.pay"     // check and pay an approved request (镇代理会计)
	PermFinanceManage  Perm = "finance.manage"  // a town's approval limits and villages' 一支笔 signers
)

func init() {
	grant(PermFinanceRead, RoleCountyAdmin, RoleTownAdmin, RoleTownAccountant, RoleVillageLeader, RoleSupervisor)
	grant(PermFinanceKeep, RoleTownAccountant)
	grant(PermFinanceRequest, RoleVillageLeader)
	grant(PermFinanceApprove, RoleVillageLeader)
	grant(PermFinanceReview, RoleSupervisor)
	grant(PermFinancePay, RoleTownAccountant)
	grant(PermFinanceManage, RoleCountyAdmin, RoleTownAdmin)
}
