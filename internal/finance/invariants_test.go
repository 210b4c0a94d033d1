package finance_test

import (
	"math/rand/v2"
	"sync"
	"testing"
	"time"

	"dangjian/internal/apperr"
	"dangjian/internal/day"
	"dangjian/internal/db"
	"dangjian/internal/finance"
	"dangjian/internal/testkit"
	"dangjian/internal/testkit/want"
)

// checkLedger asserts the ledger's invariants straight from the tables:
// every voucher balances, every posted voucher's lines are posted and no
// draft's are, and every balance row equals the sum of the posted lines of
// its account and month.
func checkLedger(t testing.TB, d *db.DB) {
	t.Helper()
	var n int
	if err := d.QueryRow(`SELECT COUNT(*) FROM (SELECT v.id FROM finance_vouchers v JOIN finance_lines l ON l.voucher_id = v.id
		GROUP BY v.id, v.total_fen HAVING SUM(l.debit_fen) <> SUM(l.credit_fen) OR SUM(l.debit_fen) <> v.total_fen) x`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	if n != 0 {
		t.Fatalf("%d vouchers do not balance", n)
	}
	if err := d.QueryRow(`SELECT COUNT(*) FROM finance_lines l JOIN finance_vouchers v ON v.id = l.voucher_id
		WHERE l.posted <> (v.status = 'posted') OR l.voucher_date <> v.voucher_date`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	if n != 0 {
		t.Fatalf("%d lines disagree with their voucher", n)
	}
	if err := d.QueryRow(`SELECT COUNT(*) FROM (
		SELECT COALESCE(b.account_id, s.account_id) a FROM finance_balances b
		FULL OUTER JOIN (SELECT l.account_id, v.period, SUM(l.debit_fen) d, SUM(l.credit_fen) c
			FROM finance_lines l JOIN finance_vouchers v ON v.id = l.voucher_id WHERE l.posted
			GROUP BY l.account_id, v.period) s ON s.account_id = b.account_id AND s.period = b.period
		WHERE b.account_id IS NULL OR s.account_id IS NULL OR b.debit_fen <> s.d OR b.credit_fen <> s.c) x`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	if n != 0 {
		t.Fatalf("%d balances differ from the sum of their postings", n)
	}
	// Numbers are consecutive per village and month.
	if err := d.QueryRow(`SELECT COUNT(*) FROM (SELECT org_id, period FROM finance_vouchers WHERE status = 'posted'
		GROUP BY org_id, period HAVING MIN(number) <> 1 OR MAX(number) <> COUNT(*) OR COUNT(DISTINCT number) <> COUNT(*)) x`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	if n != 0 {
		t.Fatalf("%d months have gaps or repeats in their voucher numbers", n)
	}
}

var codes = []string{"101", "102", "112", "151", "211", "212", "231", "301", "501", "503", "504", "511", "513", "514"}

// randomVoucher is a voucher of 2–6 lines over random accounts and amounts
// that balances, or (sometimes) is off by a little.
func randomVoucher(r *rand.Rand, orgID int64, on day.Day) (finance.NewVoucher, bool) {
	n := 2 + r.IntN(5)
	in := finance.NewVoucher{OrgID: orgID, Date: on, Summary: "随机凭证"}
	var debit, credit finance.Fen
	for i := 0; i < n-1; i++ {
		amt := finance.Fen(1 + r.Int64N(5_000_000))
		l := finance.NewLine{AccountCode: codes[r.IntN(len(codes))]}
		if r.IntN(2) == 0 {
			l.Debit, debit = amt, debit+amt
		} else {
			l.Credit, credit = amt, credit+amt
		}
		in.Lines = append(in.Lines, l)
	}
	// The last line balances the others; when they balance already
	// (two or more lines with equal sides) it is left out.
	last := finance.NewLine{AccountCode: codes[r.IntN(len(codes))]}
	switch {
	case debit > credit:
		last.Credit = debit - credit
	case credit > debit:
		last.Debit = credit - debit
	}
	if last.Debit+last.Credit > 0 {
		in.Lines = append(in.Lines, last)
	}
	if r.IntN(8) == 0 { // off by one 分
		l := &in.Lines[len(in.Lines)-1]
		if l.Debit > 0 {
			l.Debit++
		} else {
			l.Credit++
		}
	}
	var d, c finance.Fen
	for _, l := range in.Lines {
		d += l.Debit
		c += l.Credit
	}
	return in, d == c
}

// Property: whatever vouchers are offered, an unbalanced one is refused,
// every accepted one posts, and afterwards the invariants hold and the
// trial balance balances in every column.
func TestLedgerInvariantsOverRandomVouchers(t *testing.T) {
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		w := newWorld(t, d)
		r := rand.New(rand.NewPCG(2026, 11))
		accepted, refused := 0, 0
		defer func() {
			if accepted < 100 || refused < 5 {
				t.Errorf("the generator gave %d good and %d bad vouchers", accepted, refused)
			}
		}()
		for i := 0; i < 150; i++ {
			on := day.New(2026, time.Month(1+r.IntN(11)), 1+r.IntN(28))
			in, balanced := randomVoucher(r, w.village.ID, on)
			v, err := w.svc.CreateVoucher(ctx, w.kuaiji, in)
			if !balanced {
				want.Rule(t, err, "finance.voucher_unbalanced")
				refused++
				continue
			}
			want.OK(t, err)
			accepted++
			if r.IntN(5) > 0 {
				_, err = w.svc.PostVoucher(ctx, w.kuaiji, v.ID)
				want.OK(t, err)
			}
		}
		checkLedger(t, d)
		tb, err := w.svc.TrialBalance(ctx, w.kuaiji, w.village.ID, "2026-03", "2026-11")
		want.OK(t, err)
		if !tb.Balanced {
			t.Fatalf("trial balance %+v", tb.Totals)
		}
	})
}

// Concurrent postings in two villages, each voucher posted twice at once,
// with the close of October racing them: every posting lands once or is
// refused because October closed first, numbers stay consecutive,
// balances equal their postings, and a closed October has no draft left.
func TestConcurrentPostings(t *testing.T) {
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		w := newWorld(t, d)
		r := rand.New(rand.NewPCG(7, 7))
		var ids []int64
		for i := 0; i < 40; i++ {
			org := w.village.ID
			if i%2 == 1 {
				org = w.other.ID
			}
			on := day.New(2026, 11, 1+r.IntN(25))
			if i%4 == 0 {
				on = day.New(2026, 10, 15) // the village's October
			}
			amt := finance.Fen(1 + r.Int64N(1_000_000))
			v, err := w.svc.CreateVoucher(ctx, w.kuaiji, finance.NewVoucher{OrgID: org, Date: on, Summary: "并发",
				Lines: []finance.NewLine{{AccountCode: "102", Debit: amt}, {AccountCode: "503", Credit: amt}}})
			want.OK(t, err)
			ids = append(ids, v.ID)
		}
		w.clock.T = w.clock.T.AddDate(0, 0, 10) // 2026-12-06: October and November have ended
		var wg sync.WaitGroup
		errs := make([]error, len(ids)*2)
		start := make(chan struct{})
		var closeErr error
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			_, closeErr = w.svc.ClosePeriod(ctx, w.kuaiji, w.village.ID, "2026-10")
		}()
		for i, id := range ids {
			for k := 0; k < 2; k++ { // each voucher posted twice at once
				wg.Add(1)
				go func() {
					defer wg.Done()
					<-start
					_, errs[2*i+k] = w.svc.PostVoucher(ctx, w.kuaiji, id)
				}()
			}
		}
		close(start)
		wg.Wait()
		closed := closeErr == nil
		if !closed {
			want.Rule(t, closeErr, "finance.period_drafts")
		}
		for i := range ids {
			a, b := errs[2*i], errs[2*i+1]
			if a == nil && b == nil {
				t.Fatalf("voucher %d posted twice", ids[i])
			}
			if a != nil && b != nil {
				// Only October's close may stop a posting altogether.
				if !closed || apperr.As(a).Rule != "finance.period_closed" {
					t.Fatalf("voucher %d never posted: %v, %v", ids[i], a, b)
				}
			}
			for _, err := range []error{a, b} {
				if e := apperr.As(err); err != nil && (e == nil || e.Kind != apperr.KindConflict && e.Rule != "finance.period_closed") {
					t.Fatalf("posting failed: %v", err)
				}
			}
		}
		var octDrafts int
		if err := d.QueryRow(`SELECT COUNT(*) FROM finance_vouchers WHERE org_id = $1 AND period = '2026-10' AND status = 'draft'`,
			w.village.ID).Scan(&octDrafts); err != nil {
			t.Fatal(err)
		}
		if octDrafts != 0 {
			t.Fatalf("October closed: %v, with %d drafts left", closed, octDrafts)
		}
		checkLedger(t, d)
		for _, org := range []int64{w.village.ID, w.other.ID} {
			tb, err := w.svc.TrialBalance(ctx, w.kuaiji, org, "", "2026-11")
			want.OK(t, err)
			if !tb.Balanced || tb.Totals.Debit == 0 {
				t.Fatalf("trial balance %+v", tb.Totals)
			}
		}
	})
}
