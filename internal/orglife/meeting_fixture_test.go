package orglife_test

import (
	"testing"
	"time"

	"dangjian/internal/auth"
	"dangjian/internal/day"
	"dangjian/internal/db"
	"dangjian/internal/members"
	"dangjian/internal/members/memberstest"
	"dangjian/internal/org"
	"dangjian/internal/orglife"
	"dangjian/internal/testkit"
)

// world is memberstest's small town with the organisational-life service
// under test and the member service that links accounts.
type world struct {
	*memberstest.World
	svc     *orglife.Service
	members *members.Service
}

func newWorld(t *testing.T, d *db.DB) *world {
	t.Helper()
	mw := memberstest.NewWorld(t, d, testkit.Clock(), testkit.Key)
	return &world{World: mw, svc: orglife.NewService(d, mw.Clock), members: members.NewService(d, mw.Clock, mw.People)}
}

// memberActor links a new account with the member role to a member.
func (w *world) memberActor(username string, memberID int64, o org.Org) *auth.Actor {
	a := w.Actor(username, auth.RoleMember, o)
	if err := w.members.LinkAccount(w.Ctx, nil, memberID, a.UserID); err != nil {
		w.T.Fatal(err)
	}
	return a
}

func ymd(y int, m time.Month, d int) day.Day { return day.New(y, m, d) }

func timeMonth(m int) time.Month { return time.Month(m) }
