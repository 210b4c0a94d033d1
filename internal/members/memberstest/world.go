package memberstest

import (
	"context"
	"testing"
	"time"

	"dangjian/internal/auth"
	"dangjian/internal/db"
	"dangjian/internal/org"
	"dangjian/internal/people"
)

// World is a small town for the tests of the development report and of
// organisational life: two villages (海丹, 海戛) with branches, and actors
// at each level. Each test package adds the service it exercises.
type World struct {
	T      *testing.T
	D      *db.DB
	Ctx    context.Context
	Clock  *db.FixedClock
	People *people.Service
	Sealer *people.Sealer
	Auth   *auth.Service

	County, Town, Haidan, Haiga org.Org
	HD1, HD2, HG1               org.Org

	CountyAdmin, Admin, HaidanLeader, HaigaLeader, Sec1 *auth.Actor
}

// NewWorld builds the town on d; key seals identifiers.
func NewWorld(t *testing.T, d *db.DB, clock *db.FixedClock, key []byte) *World {
	t.Helper()
	w := &World{T: t, D: d, Ctx: context.Background(), Clock: clock}
	ppl, err := people.NewService(d, w.Clock, key)
	if err != nil {
		t.Fatal(err)
	}
	w.People, w.Sealer = ppl, ppl.Sealer
	w.Auth = auth.NewService(d, w.Clock)
	w.Auth.Password = auth.PasswordParams{MemoryKiB: 64, Time: 1, Threads: 1}
	os := &org.Service{DB: d, Clock: w.Clock}
	mk := func(parent int64, typ org.Type, name string) org.Org {
		o, err := os.Create(w.Ctx, nil, org.NewOrg{ParentID: parent, Type: typ, Name: name})
		if err != nil {
			t.Fatal(err)
		}
		return o
	}
	w.County = mk(0, org.TypeCounty, "富源县委")
	w.Town = mk(w.County.ID, org.TypeTown, "大河镇党委")
	w.Haidan = mk(w.Town.ID, org.TypeGeneralBranch, "海丹村党总支")
	w.Haiga = mk(w.Town.ID, org.TypeGeneralBranch, "海戛村党总支")
	w.HD1 = mk(w.Haidan.ID, org.TypeBranch, "海丹一组党支部")
	w.HD2 = mk(w.Haidan.ID, org.TypeBranch, "海丹二组党支部")
	w.HG1 = mk(w.Haiga.ID, org.TypeBranch, "海戛一组党支部")
	w.CountyAdmin = w.Actor("county", auth.RoleCountyAdmin, w.County)
	w.Admin = w.Actor("admin", auth.RoleTownAdmin, w.Town)
	w.HaidanLeader = w.Actor("haidan", auth.RoleVillageLeader, w.Haidan)
	w.HaigaLeader = w.Actor("haiga", auth.RoleVillageLeader, w.Haiga)
	w.Sec1 = w.Actor("hd1sec", auth.RoleBranchSecretary, w.HD1)
	return w
}

// Actor creates an account with one role and returns it as an actor.
func (w *World) Actor(username string, role auth.Role, o org.Org) *auth.Actor {
	w.T.Helper()
	id, err := w.Auth.AddUser(w.Ctx, nil, auth.NewUser{Username: username, DisplayName: username + " 姓名",
		Password: "password-123", Role: role, OrgID: o.ID})
	if err != nil {
		w.T.Fatal(err)
	}
	return &auth.Actor{UserID: id, Username: username, Name: username + " 姓名",
		Bindings: []auth.Binding{{Role: role, OrgID: o.ID, OrgPath: o.Path, TownID: o.TownID}}}
}

// Full inserts a 正式党员 of the branch.
func (w *World) Full(o org.Org, name string) int64 {
	return Full(w.T, w.D, w.Sealer, o.ID, name)
}

// Probationary inserts a 预备党员 of the branch who joined on joined.
func (w *World) Probationary(o org.Org, name string, joined time.Time) int64 {
	return Probationary(w.T, w.D, w.Sealer, o.ID, name, joined)
}

// Add inserts someone in the pipeline with the given status.
func (w *World) Add(orgID int64, name, status string) int64 {
	return Add(w.T, w.D, w.Sealer, Member{OrgID: orgID, Name: name, Status: status})
}

// Today is the clock's day.
func (w *World) Today() time.Time { return db.Day(w.Clock.Now()) }

// AuditCount counts audit rows of one action.
func (w *World) AuditCount(action string) int {
	w.T.Helper()
	var n int
	if err := w.D.QueryRowContext(w.Ctx, `SELECT COUNT(*) FROM audit_log WHERE action = $1`, action).Scan(&n); err != nil {
		w.T.Fatal(err)
	}
	return n
}
