package auth

// Permissions of village democracy: 四议两公开, 一事一议 and 五公开.
const (
	PermDemocracyRead   Perm = "democracy.read"   // 四议两公开, 一事一议, 五公开 drafts, feedback
	PermDemocracyWrite  Perm = "democracy.write"  // record steps, draft items, reply to feedback
	PermDemocracyReview Perm = "democracy.review" // 村务监督委员会: review and publish items, moderate feedback
	PermDemocracyRules  Perm = "democracy.rules"  // a town's own quorum, decision and schedule values
)

func init() {
	grant(PermDemocracyRead, RoleCountyAdmin, RoleTownAdmin, RoleVillageLeader, RoleRepresentative, RoleSupervisor)
	grant(PermDemocracyWrite, RoleCountyAdmin, RoleTownAdmin, RoleVillageLeader)
	grant(PermDemocracyReview, RoleCountyAdmin, RoleTownAdmin, RoleSupervisor)
	grant(PermDemocracyRules, RoleCountyAdmin, RoleTownAdmin)
}
