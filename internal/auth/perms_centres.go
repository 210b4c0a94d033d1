package auth

// The five centres' permissions (internal/centres).
const (
	PermCentresRead      Perm = "centres.read"      // the centres' work: cases, 民情信息, rota, 代办
	PermCentresWrite     Perm = "centres.write"     // record and handle the centres' work
	PermCentresSensitive Perm = "centres.sensitive" // key and vulnerable group registers (every read logged)
)

func init() {
	grant(PermCentresRead, RoleCountyAdmin, RoleTownAdmin, RoleVillageLeader, RoleCentreStaff, RoleSupervisor)
	grant(PermCentresWrite, RoleCountyAdmin, RoleTownAdmin, RoleVillageLeader, RoleCentreStaff)
	grant(PermCentresSensitive, RoleCountyAdmin, RoleTownAdmin, RoleCentreStaff)
}
