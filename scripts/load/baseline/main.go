// Command baseline is the yardstick of the load run: a bare net/http
// server that runs one fixed SQL query on the same database with the same
// driver settings and writes the rows as JSON, or writes fixed bytes from
// memory. The application's figures are reported as ratios against it.
package main

import (
	"encoding/json"
	"flag"
	"log"
	"net/http"
	"os"

	"dangjian/internal/db"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:0", "listen address")
	dbURL := flag.String("db", "", "database")
	query := flag.String("query", "", "SQL to run for /q (arguments from ?a=)")
	bytesFile := flag.String("bytes", "", "file whose bytes /b serves from memory")
	flag.Parse()
	d, err := db.Open(*dbURL)
	if err != nil {
		log.Fatal(err)
	}
	var fixed []byte
	if *bytesFile != "" {
		if fixed, err = os.ReadFile(*bytesFile); err != nil {
			log.Fatal(err)
		}
	}
	http.HandleFunc("/q", func(w http.ResponseWriter, r *http.Request) {
		rows, err := d.QueryContext(r.Context(), *query, r.URL.Query().Get("a"))
		if err != nil {
			http.Error(w, err.Error(), 500)
			return
		}
		defer rows.Close()
		cols, _ := rows.Columns()
		var out []map[string]any
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := rows.Scan(ptrs...); err != nil {
				http.Error(w, err.Error(), 500)
				return
			}
			m := make(map[string]any, len(cols))
			for i, c := range cols {
				m[c] = vals[i]
			}
			out = append(out, m)
		}
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(map[string]any{"items": out})
	})
	http.HandleFunc("/b", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(fixed)
	})
	http.HandleFunc("/healthz", func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("ok")) })
	log.Fatal(http.ListenAndServe(*addr, nil))
}
