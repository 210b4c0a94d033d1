package db_test

import (
	"context"
	"testing"

	"dangjian/internal/db"
	"dangjian/internal/testkit"
)

// TestOnlyOneServerRunsAJob: while one server runs a job, another server
// asking for the same job is told it is taken; once the first is done,
// the job can run again.
func TestOnlyOneServerRunsAJob(t *testing.T) {
	ctx := context.Background()
	servers := testkit.PostgresServers(t, 2)
	var secondRan bool
	ran, err := servers[0].OnlyOne(ctx, db.LockAuditFullCheck, func(ctx context.Context) error {
		var err error
		secondRan, err = servers[1].OnlyOne(ctx, db.LockAuditFullCheck, func(context.Context) error { return nil })
		return err
	})
	if err != nil || !ran {
		t.Fatalf("first server: ran=%v err=%v", ran, err)
	}
	if secondRan {
		t.Fatal("the second server ran the job while the first held it")
	}
	ran, err = servers[1].OnlyOne(ctx, db.LockAuditFullCheck, func(context.Context) error { return nil })
	if err != nil || !ran {
		t.Fatalf("after the first finished: ran=%v err=%v", ran, err)
	}
}
