package web_test

import (
	"context"
	"testing"
	"time"

	"dangjian/internal/db"
	"dangjian/internal/members/memberstest"
	"dangjian/internal/orglife"
	"dangjian/internal/testkit"
)

// meetingTown is the demo town with members in the branches the member
// activity tests use. The roster's own demo step may already have loaded
// members; the fixture adds them only where a branch has too few.
type meetingTown struct {
	*testkit.Env
	minjia, haidan1, haiga1 int64 // branch ids
	// Members of 民家一组: the one linked to the demo account dangyuan,
	// and another.
	self, other         int64
	selfName, otherName string
}

func startMeetingTown(t *testing.T, d *db.DB) *meetingTown {
	t.Helper()
	env := testkit.Start(t, d)
	mt := &meetingTown{Env: env, minjia: env.Town.Groups["民家一组"].ID, haidan1: env.Town.Groups["海丹一组"].ID,
		haiga1: env.Town.Groups["海戛一组"].ID}
	ctx := context.Background()
	for _, org := range []int64{mt.minjia, mt.haidan1, mt.haiga1} {
		_, ms, err := env.Svc.OrgLife.BranchMembers(ctx, nil, org)
		if err != nil {
			t.Fatal(err)
		}
		for i := len(ms); i < 4; i++ {
			memberstest.Full(t, d, env.Svc.People.Sealer, org, fixtureNames[org%3][i])
		}
		if len(ms) < 5 {
			memberstest.Probationary(t, d, env.Svc.People.Sealer, org, "预备党员"+fixtureNames[org%3][0],
				time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC))
		}
	}
	// dangyuan is linked by the demo when the roster had members then;
	// otherwise link them now.
	var uid, linked int64
	if err := d.QueryRowContext(ctx, `SELECT u.id, COALESCE(m.id, 0) FROM users u LEFT JOIN members m ON m.user_id = u.id
		WHERE u.username = 'dangyuan'`).Scan(&uid, &linked); err != nil {
		t.Fatal(err)
	}
	_, ms, err := env.Svc.OrgLife.BranchMembers(ctx, nil, mt.minjia)
	if err != nil {
		t.Fatal(err)
	}
	if linked == 0 {
		linked = ms[0].MemberID
		if err := env.Svc.Members.LinkAccount(ctx, nil, linked, uid); err != nil {
			t.Fatal(err)
		}
	}
	mt.self = linked
	for _, m := range ms {
		if m.MemberID == linked {
			mt.selfName = m.Name
		} else if mt.other == 0 {
			mt.other, mt.otherName = m.MemberID, m.Name
		}
	}
	return mt
}

var fixtureNames = [3][4]string{{"张明华", "李秀兰", "王建军", "赵丽芳"}, {"刘志强", "陈玉梅", "杨海林", "黄春燕"},
	{"周德福", "吴桂珍", "徐光文", "孙凤英"}}

// roster lists a branch's members today.
func (mt *meetingTown) roster(t *testing.T, org int64) []orglife.MeetingInvitee {
	t.Helper()
	_, ms, err := mt.Svc.OrgLife.BranchMembers(context.Background(), nil, org)
	if err != nil {
		t.Fatal(err)
	}
	return ms
}
