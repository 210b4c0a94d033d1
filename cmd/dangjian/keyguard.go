package main

import (
	"context"
	"errors"
	"fmt"
	"os"

	"dangjian/internal/config"
	"dangjian/internal/db"
)

// refuseNewKeyForSealedData stops a start that would create a fresh key
// file beside a SQLite database that already holds sealed id numbers:
// typically a database restored or copied without its key. A new key
// would make every stored number unreadable, and numbers sealed
// afterwards would need a different key than the older ones.
func refuseNewKeyForSealedData(ctx context.Context, cfg config.Config) error {
	if cfg.IsPostgres() || cfg.Key != nil {
		return nil
	}
	if _, err := os.Stat(cfg.KeyPath()); !errors.Is(err, os.ErrNotExist) {
		return nil // the key file is there (or unreadable: Validate says so)
	}
	st, err := os.Stat(cfg.Database)
	if err != nil || st.Size() == 0 {
		return nil // a new database: a new key is right
	}
	d, err := db.Open(cfg.Database)
	if err != nil {
		return err
	}
	defer d.Close()
	tables, err := sealedTables(ctx, d)
	if err != nil {
		return err
	}
	for _, table := range tables {
		var sealed bool
		if err := d.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM `+table+` WHERE id_cipher IS NOT NULL)`).Scan(&sealed); err != nil {
			return err
		}
		if sealed {
			return fmt.Errorf("the key file %s is missing, but %s holds sealed id numbers (table %s); "+
				"copy the key file that belongs to this database to %s (or give its key as DANGJIAN_KEY) and start again; "+
				"a new key would leave those numbers unreadable", cfg.KeyPath(), cfg.Database, table, cfg.KeyPath())
		}
	}
	return nil
}

// sealedTables lists every table with an id_cipher column, the name every
// programme uses for a sealed id number (beside it, id_hash), so a new
// programme's table is covered without changing this list.
func sealedTables(ctx context.Context, d *db.DB) ([]string, error) {
	query := `SELECT m.name FROM sqlite_master m, pragma_table_info(m.name) c
		WHERE m.type = 'table' AND c.name = 'id_cipher' ORDER BY m.name`
	if d.Dialect == db.Postgres {
		query = `SELECT table_name FROM information_schema.columns
			WHERE table_schema = current_schema() AND column_name = 'id_cipher' ORDER BY table_name`
	}
	rows, err := d.QueryContext(ctx, query)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			return nil, err
		}
		out = append(out, name)
	}
	return out, rows.Err()
}
