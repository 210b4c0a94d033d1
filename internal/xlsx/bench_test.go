package xlsx

import (
	"bytes"
	"io"
	"strconv"
	"testing"
)

// rosterRows writes n rows shaped like a county's roster (eleven
// columns: names, 18-digit numbers, dates as text) to w.
func rosterRows(tb testing.TB, w io.Writer, n int) {
	book := NewWriter(w)
	s, err := book.AddSheet("党员名册")
	must(tb, err)
	text := book.AddStyle(Style{Format: Text})
	must(tb, s.SetColumns(2, 2, Column{Width: 22, Style: text}))
	for i := 0; i < n; i++ {
		must(tb, s.WriteRow("党员"+strconv.Itoa(i), "530326197504"+strconv.Itoa(100000+i), "测试"+strconv.Itoa(i%20)+"组党支部",
			"正式党员", "1999-07-01", "2000-07-01", "", "种养能手", "否", "13800000000", "初中"))
	}
	must(tb, book.Close())
}

// BenchmarkWrite100k writes a county's roster of 100,000 rows.
func BenchmarkWrite100k(b *testing.B) {
	var buf bytes.Buffer
	for i := 0; i < b.N; i++ {
		buf.Reset()
		rosterRows(b, &buf, 100000)
	}
	b.ReportMetric(float64(buf.Len())/1e6, "file-MB")
}

// BenchmarkRead100k reads the rows of a county's roster of 100,000 rows.
func BenchmarkRead100k(b *testing.B) {
	var buf bytes.Buffer
	rosterRows(b, &buf, 100000)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		book, err := Open(buf.Bytes())
		must(b, err)
		rows, err := book.Rows(0)
		must(b, err)
		n := 0
		for rows.Next() {
			n++
		}
		must(b, rows.Err())
		rows.Close()
		if n != 100000 {
			b.Fatalf("%d rows", n)
		}
	}
}
