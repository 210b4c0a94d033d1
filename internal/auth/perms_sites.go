package auth

// Permissions of the activity sites (阵地建设) and prosperity (致富工程)
// programmes.
const (
	PermSitesWrite  Perm = "sites.write"      // activity sites: spec, budget, milestones
	PermSitesManage Perm = "sites.manage"     // plans, subsidy schedule and overrides, disbursements, acceptance
	PermProsperity  Perm = "prosperity.write" // trainings, attendance, skills, industries, cooperatives
)

func init() {
	grant(PermSitesWrite, RoleCountyAdmin, RoleTownAdmin, RoleVillageLeader)
	grant(PermSitesManage, RoleCountyAdmin, RoleTownAdmin, RoleTownAccountant)
	grant(PermProsperity, RoleCountyAdmin, RoleTownAdmin, RoleVillageLeader, RoleCentreStaff)
}
