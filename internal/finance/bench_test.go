package finance_test

import (
	"math/rand/v2"
	"testing"
	"time"

	"dangjian/internal/day"
	"dangjian/internal/db"
	"dangjian/internal/finance"
	"dangjian/internal/testkit"
)

// A village with a year of 5,000 posted vouchers (2–6 lines each over 14
// accounts): how long its trial balance for the year takes, and its bank
// ledger for the year. Figures are in docs/performance.md:
//
//	go test -run '^$' -bench YearOf5000 -benchtime 20x ./internal/finance/
func BenchmarkYearOf5000(b *testing.B) {
	for _, dialect := range []struct {
		name string
		open func(testing.TB) *db.DB
	}{{"sqlite", testkit.SQLite}, {"postgres", testkit.Postgres}} {
		b.Run(dialect.name, func(b *testing.B) {
			w := newWorld(b, dialect.open(b))
			w.clock.T = time.Date(2027, 1, 5, 9, 0, 0, 0, time.UTC)
			r := rand.New(rand.NewPCG(5000, 1))
			var year []finance.NewVoucher
			for len(year) < 5000 {
				in, ok := randomVoucher(r, w.village.ID, day.New(2026, time.Month(1+r.IntN(12)), 1+r.IntN(28)))
				if ok {
					year = append(year, in)
				}
			}
			start := time.Now()
			if _, err := w.svc.PostVouchers(ctx, w.kuaiji, w.village.ID, year); err != nil {
				b.Fatal(err)
			}
			b.Logf("%s: posting 5,000 vouchers in one batch took %v", dialect.name, time.Since(start).Round(time.Millisecond))
			tb, err := w.svc.TrialBalance(ctx, w.kuaiji, w.village.ID, "2026-01", "2026-12")
			if err != nil || !tb.Balanced {
				b.Fatalf("trial balance %v %+v", err, tb.Totals)
			}
			bank := row(b, tb, "102")
			b.Run("trial-balance", func(b *testing.B) {
				for b.Loop() {
					if _, err := w.svc.TrialBalance(ctx, w.kuaiji, w.village.ID, "2026-01", "2026-12"); err != nil {
						b.Fatal(err)
					}
				}
			})
			b.Run("bank-ledger", func(b *testing.B) {
				for b.Loop() {
					if _, err := w.svc.Ledger(ctx, w.kuaiji, bank.AccountID, "2026-01", "2026-12"); err != nil {
						b.Fatal(err)
					}
				}
			})
		})
	}
}
