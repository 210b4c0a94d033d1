package auth

import "slices"

// Role is a user's function; a user holds it on one node of the
// organisation tree (a RoleBinding) and acts in that node's subtree.
type Role string

const (
	RoleCountyAdmin     Role = "county_admin"     // 县管理员
	RoleTownAdmin       Role = "town_admin"       // 镇管理员（组织委员）
	RoleTownAccountant  Role = "town_accountant"  // 镇代理会计
	RoleVillageLeader   Role = "village_leader"   // 村党总支书记 / 村委会主任
	RoleCentreStaff     Role = "centre_staff"     // 中心主任/副主任
	RoleBranchSecretary Role = "branch_secretary" // 支部书记
	RoleMember          Role = "member"           // 党员（只看自己）
	RoleRepresentative  Role = "representative"   // 村民代表
	RoleSupervisor      Role = "supervisor"       // 村务监督委员会
)

// Roles in the order forms list them.
var Roles = []Role{RoleCountyAdmin, RoleTownAdmin, RoleTownAccountant, RoleVillageLeader,
	RoleCentreStaff, RoleBranchSecretary, RoleMember, RoleRepresentative, RoleSupervisor}

// Perm is one thing a role may do within its subtree.
type Perm string

const (
	PermOrgRead       Perm = "org.read"            // see organisations, posts, holders
	PermOrgManage     Perm = "org.manage"          // create organisations, flag 软弱涣散
	PermOrgPosts      Perm = "org.posts"           // change post holders
	PermPeopleRead    Perm = "people.read"         // households and residents, id numbers masked
	PermPeopleWrite   Perm = "people.write"        // register and edit households and residents
	PermPeopleReveal  Perm = "people.reveal"       // see a full id number (every look is logged)
	PermAuditRead     Perm = "audit.read"          // read the change log of the subtree
	PermUserManage    Perm = "user.manage"         // accounts and their roles
	PermMemberRead    Perm = "members.read"        // party member records
	PermMemberWrite   Perm = "members.write"       // roster, pipeline, meetings, ratings
	PermMemberManage  Perm = "members.manage"      // town-level approvals: care fund, rating caps
	PermSurveyRead    Perm = "survey.read"         // credibility surveys of the 两委 and their results
	PermSurveyManage  Perm = "survey.manage"       // open and close surveys, issue codes, record 甄别
	PermCommendRead   Perm = "commendation.read"   // commendations of outstanding members
	PermCommendManage Perm = "commendation.manage" // run a commendation's four steps, record discipline
)

// 双述双评's permissions.
const (
	PermAppraisalRead   Perm = "appraisal.read"   // 双述双评 rounds, each cadre's result and history
	PermAppraisalManage Perm = "appraisal.manage" // open rounds, enter reports and counted ballot totals
)

// Perms are every permission, in the order of the table in
// docs/security.md. Each belongs to one programme, which lists it in its
// web.Programme (a test checks both).
var Perms = []Perm{PermOrgRead, PermOrgManage, PermOrgPosts, PermPeopleRead, PermPeopleWrite, PermPeopleReveal,
	PermAuditRead, PermUserManage, PermMemberRead, PermMemberWrite, PermMemberManage,
	PermSurveyRead, PermSurveyManage, PermCommendRead, PermCommendManage,
	PermAppraisalRead, PermAppraisalManage}

// rolePerms is the whole permission table in one place, so a reviewer can
// read who may do what without chasing code.
var rolePerms = map[Role][]Perm{
	RoleCountyAdmin: {PermOrgRead, PermOrgManage, PermOrgPosts, PermPeopleRead, PermPeopleWrite,
		PermPeopleReveal, PermAuditRead, PermUserManage, PermMemberRead, PermMemberWrite, PermMemberManage,
		PermSurveyRead, PermSurveyManage, PermCommendRead, PermCommendManage,
		PermAppraisalRead, PermAppraisalManage},
	RoleTownAdmin: {PermOrgRead, PermOrgManage, PermOrgPosts, PermPeopleRead, PermPeopleWrite,
		PermPeopleReveal, PermAuditRead, PermUserManage, PermMemberRead, PermMemberWrite, PermMemberManage,
		PermSurveyRead, PermSurveyManage, PermCommendRead, PermCommendManage,
		PermAppraisalRead, PermAppraisalManage},
	RoleTownAccountant: {PermOrgRead, PermPeopleRead},
	RoleVillageLeader: {PermOrgRead, PermOrgPosts, PermPeopleRead, PermPeopleWrite, PermPeopleReveal,
		PermAuditRead, PermMemberRead, PermMemberWrite, PermCommendRead, PermCommendManage,
		PermAppraisalRead},
	RoleCentreStaff:     {PermOrgRead, PermPeopleRead},
	RoleBranchSecretary: {PermOrgRead, PermPeopleRead, PermMemberRead, PermMemberWrite, PermCommendRead},
	RoleMember:          {},
	RoleRepresentative:  {PermOrgRead},
	RoleSupervisor:      {PermOrgRead, PermAuditRead, PermMemberRead, PermSurveyRead, PermCommendRead, PermAppraisalRead},
}

// Grants reports whether role r carries permission p.
func (r Role) Grants(p Perm) bool {
	return slices.Contains(rolePerms[r], p)
}

// Valid reports whether r is a known role.
func (r Role) Valid() bool {
	_, ok := rolePerms[r]
	return ok
}

// grant adds a programme's permission to Perms and to roles. Each
// programme grants its own in a file of its own (perms_<programme>.go),
// so the permissions of one programme read together.
func grant(p Perm, roles ...Role) {
	if !slices.Contains(Perms, p) {
		Perms = append(Perms, p)
	}
	for _, r := range roles {
		rolePerms[r] = append(rolePerms[r], p)
	}
}
