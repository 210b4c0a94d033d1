package app

import (
	"context"
	"log/slog"

	"dangjian/internal/audit"
	"dangjian/internal/db"
	"dangjian/internal/web"
)

// tailRows is how much of the audit chain start-up checks before serving.
const tailRows = 1000

// CheckAudit checks the audit chain of a starting server: its last rows
// and head at once (milliseconds), then the whole chain in the background.
// A broken chain is logged and shown to every reader of the audit log on
// every page; the server still serves, since stopping the town office's
// work would not undo the change — finding out who made it does. The
// returned channel closes when the background check is done.
func CheckAudit(ctx context.Context, d *db.DB, w *web.Server, log *slog.Logger) <-chan struct{} {
	done := make(chan struct{})
	report := func(b *audit.Broken, how string) {
		log.Error("audit chain broken: run dangjian audit verify", "row", b.ID, "reason", b.Reason, "check", how)
		w.AuditBroken(b)
	}
	b, err := audit.VerifyTail(ctx, d, tailRows)
	switch {
	case err != nil:
		log.Error("audit chain check failed", "err", err)
	case b != nil:
		report(b, "start-up")
		close(done)
		return done
	}
	// Several app servers starting together check the whole chain once:
	// the others have checked its tail and leave the rest to the one
	// holding the lock.
	go func() {
		defer close(done)
		ran, err := d.OnlyOne(context.WithoutCancel(ctx), db.LockAuditFullCheck, func(ctx context.Context) error {
			_, b, err := audit.Verify(ctx, d)
			if b != nil {
				report(b, "full")
			}
			return err
		})
		switch {
		case err != nil:
			log.Error("audit chain check failed", "err", err)
		case !ran:
			log.Info("audit chain: another server is checking the whole chain")
		}
	}()
	return done
}
