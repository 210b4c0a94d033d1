package members_test

import (
	"context"
	"testing"
	"time"

	"dangjian/internal/auth"
	"dangjian/internal/db"
	"dangjian/internal/members"
	"dangjian/internal/members/memberstest"
	"dangjian/internal/org"
	"dangjian/internal/people"
	"dangjian/internal/testkit"
)

// world is a small town for the activity tests: two villages (海丹, 海戛)
// with branches, and actors at each level.
type world struct {
	t      *testing.T
	d      *db.DB
	ctx    context.Context
	clock  *db.FixedClock
	svc    *members.Service
	sealer *people.Sealer
	auth   *auth.Service

	county, town, haidan, haiga org.Org
	hd1, hd2, hg1               org.Org

	countyAdmin, admin, haidanLeader, haigaLeader, sec1 *auth.Actor
}

func newWorld(t *testing.T, d *db.DB) *world {
	t.Helper()
	w := &world{t: t, d: d, ctx: context.Background(), clock: testkit.Clock()}
	ppl, err := people.NewService(d, w.clock, testkit.Key)
	if err != nil {
		t.Fatal(err)
	}
	w.sealer = ppl.Sealer
	w.svc = members.NewService(d, w.clock, ppl)
	w.auth = auth.NewService(d, w.clock)
	w.auth.Password = auth.PasswordParams{MemoryKiB: 64, Time: 1, Threads: 1}
	os := &org.Service{DB: d, Clock: w.clock}
	mk := func(parent int64, typ org.Type, name string) org.Org {
		o, err := os.Create(w.ctx, nil, org.NewOrg{ParentID: parent, Type: typ, Name: name})
		if err != nil {
			t.Fatal(err)
		}
		return o
	}
	w.county = mk(0, org.TypeCounty, "富源县委")
	w.town = mk(w.county.ID, org.TypeTown, "大河镇党委")
	w.haidan = mk(w.town.ID, org.TypeGeneralBranch, "海丹村党总支")
	w.haiga = mk(w.town.ID, org.TypeGeneralBranch, "海戛村党总支")
	w.hd1 = mk(w.haidan.ID, org.TypeBranch, "海丹一组党支部")
	w.hd2 = mk(w.haidan.ID, org.TypeBranch, "海丹二组党支部")
	w.hg1 = mk(w.haiga.ID, org.TypeBranch, "海戛一组党支部")
	w.countyAdmin = w.actor("county", auth.RoleCountyAdmin, w.county)
	w.admin = w.actor("admin", auth.RoleTownAdmin, w.town)
	w.haidanLeader = w.actor("haidan", auth.RoleVillageLeader, w.haidan)
	w.haigaLeader = w.actor("haiga", auth.RoleVillageLeader, w.haiga)
	w.sec1 = w.actor("hd1sec", auth.RoleBranchSecretary, w.hd1)
	return w
}

// actor creates an account with one role and returns it as an actor.
func (w *world) actor(username string, role auth.Role, o org.Org) *auth.Actor {
	w.t.Helper()
	id, err := w.auth.AddUser(w.ctx, nil, auth.NewUser{Username: username, DisplayName: username + " 姓名",
		Password: "password-123", Role: role, OrgID: o.ID})
	if err != nil {
		w.t.Fatal(err)
	}
	return &auth.Actor{UserID: id, Username: username, Name: username + " 姓名",
		Bindings: []auth.Binding{{Role: role, OrgID: o.ID, OrgPath: o.Path, TownID: o.TownID}}}
}

func (w *world) full(o org.Org, name string) int64 {
	return memberstest.Full(w.t, w.d, w.sealer, o.ID, name)
}

func (w *world) probationary(o org.Org, name string, joined time.Time) int64 {
	return memberstest.Probationary(w.t, w.d, w.sealer, o.ID, name, joined)
}

// add inserts someone in the pipeline with the given status.
func (w *world) add(orgID int64, name, status string) int64 {
	return memberstest.Add(w.t, w.d, w.sealer, memberstest.Member{OrgID: orgID, Name: name, Status: status})
}

// memberActor links a new account with the member role to a member.
func (w *world) memberActor(username string, memberID int64, o org.Org) *auth.Actor {
	a := w.actor(username, auth.RoleMember, o)
	if err := w.svc.LinkAccount(w.ctx, nil, memberID, a.UserID); err != nil {
		w.t.Fatal(err)
	}
	return a
}

func (w *world) today() time.Time { return db.Day(w.clock.Now()) }

// auditCount counts audit rows of one action.
func (w *world) auditCount(action string) int {
	w.t.Helper()
	var n int
	if err := w.d.QueryRowContext(w.ctx, `SELECT COUNT(*) FROM audit_log WHERE action = $1`, action).Scan(&n); err != nil {
		w.t.Fatal(err)
	}
	return n
}

func ymd(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func timeMonth(m int) time.Month { return time.Month(m) }
