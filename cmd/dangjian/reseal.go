package main

import (
	"context"
	"database/sql"
	"flag"
	"fmt"
	"time"

	"dangjian/internal/audit"
	"dangjian/internal/db"
	"dangjian/internal/people"
)

// reseal moves every sealed id number to one cipher, in small batches,
// while the servers keep running: each batch is its own short
// transaction, and both ciphers stay readable throughout.
func reseal(ctx context.Context, args []string, env func(string) string) error {
	var to string
	var batch int
	a, _, err := open(ctx, "reseal", args, env, func(fs *flag.FlagSet) {
		fs.StringVar(&to, "to", "", "cipher to move every id number to: sm4 or aes")
		fs.IntVar(&batch, "batch", 500, "rows per transaction")
	})
	if err != nil {
		return err
	}
	defer a.Close()
	if to != string(people.CipherSM4) && to != string(people.CipherAES) {
		return fmt.Errorf("usage: dangjian reseal -to sm4|aes")
	}
	if batch < 1 {
		return fmt.Errorf("-batch must be at least 1")
	}
	sealer, err := people.NewSealerFor(a.Config.Key, people.Cipher(to))
	if err != nil {
		return err
	}
	if a.Config.IDCipher != to {
		fmt.Fprintf(stdout, "note: this server is configured for %s; set DANGJIAN_ID_CIPHER=%s on every server, "+
			"or rows they seal from now on stay %s\n", a.Config.IDCipher, to, a.Config.IDCipher)
	}
	return resealAll(ctx, a.DB, sealer, batch, func(table string, n int) {
		fmt.Fprintf(stdout, "%s: %d id numbers resealed with %s\n", table, n, to)
	})
}

// resealAll reseals every table that holds sealed id numbers.
func resealAll(ctx context.Context, d *db.DB, s *people.Sealer, batch int, done func(table string, n int)) error {
	tables, err := sealedTables(ctx, d)
	if err != nil {
		return err
	}
	for _, table := range tables {
		n, err := resealTable(ctx, d, s, table, batch)
		if err != nil {
			return fmt.Errorf("reseal %s: %w", table, err)
		}
		done(table, n)
	}
	return nil
}

// resealTable walks table in id order, batch rows at a time. A row is
// written only if its sealed number is still what was read, so an edit
// made meanwhile by a server wins (and is sealed by that server). Each
// batch that changed rows records one audit row.
func resealTable(ctx context.Context, d *db.DB, s *people.Sealer, table string, batch int) (int, error) {
	total := 0
	var after int64
	for {
		var changed, read int
		err := d.Tx(ctx, func(tx *sql.Tx) error {
			rows, err := readSealed(ctx, tx, table, after, batch)
			if err != nil {
				return err
			}
			read = len(rows)
			changed = 0
			for _, r := range rows {
				after = r.id
				out, hash, ok, err := s.Reseal(r.sealed)
				if err != nil {
					return fmt.Errorf("row %d: %w", r.id, err)
				}
				if !ok {
					continue
				}
				res, err := tx.ExecContext(ctx, `UPDATE `+table+` SET id_cipher = $1, id_hash = $2 WHERE id = $3 AND id_cipher = $4`,
					out, hash, r.id, r.sealed)
				if err != nil {
					return err
				}
				if n, _ := res.RowsAffected(); n == 1 {
					changed++
				}
			}
			if changed == 0 {
				return nil
			}
			return audit.Record(ctx, tx, time.Now(), audit.System, audit.Entry{Action: "identifier.reseal", Entity: table,
				EntityID: after, After: map[string]any{"cipher": string(s.Cipher()), "rows": changed}})
		})
		if err != nil {
			return total, err
		}
		total += changed
		if read < batch {
			return total, nil
		}
	}
}

type sealedRow struct {
	id     int64
	sealed []byte
}

func readSealed(ctx context.Context, tx *sql.Tx, table string, after int64, limit int) ([]sealedRow, error) {
	rows, err := tx.QueryContext(ctx, `SELECT id, id_cipher FROM `+table+` WHERE id > $1 AND id_cipher IS NOT NULL
		ORDER BY id LIMIT $2`, after, limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []sealedRow
	for rows.Next() {
		var r sealedRow
		if err := rows.Scan(&r.id, &r.sealed); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}
