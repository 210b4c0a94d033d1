package members_test

import (
	"testing"
	"time"

	"dangjian/internal/db"
	"dangjian/internal/members"
	"dangjian/internal/members/memberstest"
	"dangjian/internal/testkit"
)

// world is memberstest's small town with the member service under test.
type world struct {
	*memberstest.World
	svc *members.Service
}

func newWorld(t *testing.T, d *db.DB) *world {
	t.Helper()
	mw := memberstest.NewWorld(t, d, testkit.Clock(), testkit.Key)
	return &world{World: mw, svc: members.NewService(d, mw.Clock, mw.People)}
}

func ymd(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
