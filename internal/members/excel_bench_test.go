package members_test

import (
	"bytes"
	"context"
	"fmt"
	"runtime"
	"runtime/metrics"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"dangjian/internal/db"
	"dangjian/internal/members"
	"dangjian/internal/org"
	"dangjian/internal/people"
	"dangjian/internal/testkit"
)

// BenchmarkRosterImport10k imports a generated 10,000-row roster into a
// fresh SQLite database per iteration: reading the workbook, validating
// every row (id check digits, sealing, branch names, duplicates) and
// inserting everything in one transaction. It reports rows per second
// and the peak heap while the import runs. Run it with
//
//	go test -run '^$' -bench RosterImport10k -benchtime 3x ./internal/members/
func BenchmarkRosterImport10k(b *testing.B) { benchRosterImport(b, 10000, testkit.SQLite) }

// BenchmarkRosterImport100k is a county's roster: the budget is 10 s and
// 100 MB of live heap (docs/performance.md), on either database.
func BenchmarkRosterImport100k(b *testing.B) { benchRosterImport(b, 100000, testkit.SQLite) }

func BenchmarkRosterImport100kPostgres(b *testing.B) { benchRosterImport(b, 100000, testkit.Postgres) }

func benchRosterImport(b *testing.B, rows int, open func(testing.TB) *db.DB) {
	file := rosterOf(b, rows, 20)
	b.ReportMetric(float64(len(file))/1e6, "file-MB")
	b.ResetTimer()
	var peak uint64
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		svc, village := benchTown(b, open(b))
		runtime.GC()
		stop := watchHeap(&peak)
		b.StartTimer()
		job, err := svc.StartImport(context.Background(), nil, village, "bench.xlsx", file)
		b.StopTimer()
		stop()
		if err != nil {
			b.Fatal(err)
		}
		if job, _ = svc.Import(context.Background(), nil, job.ID); job.State != members.ImportDone || job.Inserted != rows {
			b.Fatalf("import ended %s with %d rows, errors %v", job.State, job.Inserted, job.Errors)
		}
	}
	b.ReportMetric(float64(rows*b.N)/b.Elapsed().Seconds(), "rows/s")
	b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
}

// benchTown is a town with one village of `groups` branches on a fresh
// database, and a members service that imports at once.
func benchTown(b *testing.B, d *db.DB) (*members.Service, int64) {
	clock := testkit.Clock()
	o := &org.Service{DB: d, Clock: clock}
	ctx := context.Background()
	town, err := o.Create(ctx, nil, org.NewOrg{Type: org.TypeTown, Name: "测试镇党委"})
	if err != nil {
		b.Fatal(err)
	}
	village, err := o.Create(ctx, nil, org.NewOrg{ParentID: town.ID, Type: org.TypeGeneralBranch, Name: "测试村党总支"})
	if err != nil {
		b.Fatal(err)
	}
	for g := 0; g < 20; g++ {
		if _, err := o.Create(ctx, nil, org.NewOrg{ParentID: village.ID, Type: org.TypeBranch, Name: "测试" + strconv.Itoa(g) + "组党支部"}); err != nil {
			b.Fatal(err)
		}
	}
	ppl, err := people.NewService(d, clock, testkit.Key)
	if err != nil {
		b.Fatal(err)
	}
	svc := members.NewService(d, clock, ppl)
	svc.Background = func(f func()) { f() }
	return svc, village.ID
}

// rosterOf writes n valid roster rows spread over groups branches.
func rosterOf(b *testing.B, n, groups int) []byte {
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		b.Fatal(err)
	}
	sw.SetRow("A1", rosterHeader)
	base := time.Date(1950, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := 0; i < n; i++ {
		// Each (birth day, sequence) pair once: unique numbers up to
		// 20,000 × 1,000 rows.
		birth := base.AddDate(0, 0, (i*37)%20000)
		first17 := fmt.Sprintf("530326%s%03d", birth.Format("20060102"), i/20000)
		joined := birth.AddDate(22, 0, 0)
		status, full := "正式党员", joined.AddDate(1, 0, 0).Format("2006-01-02")
		if joined.After(time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)) {
			joined, status, full = time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC), "预备党员", ""
		}
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		if err := sw.SetRow(cell, []any{"党员" + strconv.Itoa(i), first17 + string(people.CheckDigit(first17)),
			"测试" + strconv.Itoa(i%groups) + "组党支部", status, joined.Format("2006-01-02"), full, "", "种养能手", "否", "13800000000", "初中"}); err != nil {
			b.Fatal(err)
		}
	}
	if err := sw.Flush(); err != nil {
		b.Fatal(err)
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		b.Fatal(err)
	}
	return buf.Bytes()
}

// watchHeap samples the live heap every few milliseconds into peak
// until the returned function is called.
func watchHeap(peak *uint64) (stop func()) {
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		t := time.NewTicker(2 * time.Millisecond)
		defer t.Stop()
		for {
			metrics.Read(sample)
			if v := sample[0].Value.Uint64(); v > *peak {
				*peak = v
			}
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
	}()
	return func() { close(done); wg.Wait() }
}
