package main

import (
	"context"
	"database/sql"
	"encoding/hex"
	"fmt"
	"strings"
	"time"

	"dangjian/internal/auth"
	"dangjian/internal/day"
	"dangjian/internal/db"
	roster "dangjian/internal/members" // main.go has a flag named members
	"dangjian/internal/people"
)

// grow adds party members until the database holds n, spread over every
// branch, with one branch given at least 60 so a 50-row page is full. It
// returns that branch's id.
func grow(dbPath, keyHex string, n int) int64 {
	ctx := context.Background()
	key, err := hex.DecodeString(strings.TrimSpace(keyHex))
	check(err)
	sealer, err := people.NewSealer(key)
	check(err)
	d, err := db.Open(dbPath)
	check(err)
	defer d.Close()
	var have int
	check(d.QueryRow(`SELECT COUNT(*) FROM members`).Scan(&have))
	var branches []struct{ id, town int64 }
	rows, err := d.Query(`SELECT id, town_id FROM orgs WHERE type = 'branch' ORDER BY id`)
	check(err)
	for rows.Next() {
		var b struct{ id, town int64 }
		check(rows.Scan(&b.id, &b.town))
		branches = append(branches, b)
	}
	rows.Close()
	if len(branches) == 0 {
		fail("no branches to grow")
	}
	now := time.Now().UTC()
	err = d.Tx(ctx, func(tx *sql.Tx) error {
		stmt, err := tx.PrepareContext(ctx, `INSERT INTO members(town_id, org_id, name, id_cipher, id_hash, id_masked,
			birth_date, sex, status, joined_on, full_on, created_at, updated_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'full', $9, $10, $11, $11)`)
		if err != nil {
			return err
		}
		defer stmt.Close()
		for i := have; i < n; i++ {
			b := branches[i%len(branches)]
			if i%10 == 0 {
				b = branches[0]
			}
			birth := time.Date(1950+i%50, time.Month(1+i%12), 1+i%28, 0, 0, 0, 0, time.UTC)
			first17 := fmt.Sprintf("530325%s%03d", birth.Format("20060102"), 100+(i/97)%900)
			number := first17 + string(people.CheckDigit(first17))
			id, err := sealer.Seal(number, day.Of(now))
			if err != nil {
				continue // a rare collision of generated numbers is simply skipped
			}
			joined := birth.AddDate(25, 0, 0)
			if _, err := stmt.ExecContext(ctx, b.town, b.id, fmt.Sprintf("党员%05d", i), id.Cipher, id.Hash, id.Masked,
				birth, id.Sex, joined, joined.AddDate(1, 0, 0), now); err != nil && !db.IsUniqueViolation(err) {
				return err
			}
		}
		// Written past the roster's use cases: the development report's
		// tallies are counted afresh.
		return roster.RebuildTallies(ctx, tx)
	})
	check(err)
	check(d.QueryRow(`SELECT COUNT(*) FROM members`).Scan(&have))
	fmt.Printf("database holds %d members; measured branch has id %d\n", have, branches[0].id)
	return branches[0].id
}

// mintToken issues an API token for a user straight in the database.
func mintToken(dbPath, username string) string {
	ctx := context.Background()
	d, err := db.Open(dbPath)
	check(err)
	defer d.Close()
	var id int64
	check(d.QueryRow(`SELECT id FROM users WHERE username = $1`, username).Scan(&id))
	token, err := auth.NewService(d, db.SystemClock{}).CreateAPIToken(ctx, &auth.Actor{UserID: id, Username: username}, "load run")
	check(err)
	return token
}
