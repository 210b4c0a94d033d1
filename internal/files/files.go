// Package files keeps the photos and scans a record carries (a site's
// milestone photos, the receipts of an expenditure request) in the
// database beside the record: every app server sees them, a backup holds
// them, and a file belongs to exactly one record, whose programme decides
// who may see it. A programme checks and prepares uploads before its
// transaction (Prepare), stores them inside it (Add) and lists or serves
// them after its own scope check (Of, Load).
package files

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"slices"
	"time"

	"dangjian/internal/apperr"
	"dangjian/internal/auth"
	"dangjian/internal/db"
)

// File is a stored file without its bytes.
type File struct {
	ID          int64     `json:"id"`
	Name        string    `json:"name"`
	ContentType string    `json:"content_type"`
	Size        int       `json:"size"`
	SHA256      string    `json:"sha256"`
	CreatedBy   string    `json:"created_by"`
	CreatedAt   time.Time `json:"created_at"`
	OwnerKind   string    `json:"-"`
	OwnerID     int64     `json:"-"`
	OrgID       int64     `json:"-"`
}

// IsImage says whether the file shows as a picture.
func (f File) IsImage() bool { return f.ContentType == "image/jpeg" || f.ContentType == "image/png" }

// MaxPerRecord bounds how many files one form may attach to a record.
const MaxPerRecord = 6

// Add stores prepared uploads as files of one record (kind and id) of an
// organisation, inside the caller's transaction.
func Add(ctx context.Context, tx *sql.Tx, now time.Time, a *auth.Actor, kind string, ownerID, orgID int64, ups []Upload) ([]File, error) {
	if len(ups) > MaxPerRecord {
		return nil, apperr.Invalid("files", "file.too_many", apperr.Params{"max": MaxPerRecord, "n": len(ups)})
	}
	out := make([]File, 0, len(ups))
	for _, u := range ups {
		sum := sha256.Sum256(u.Data)
		f := File{Name: u.Name, ContentType: u.ContentType, Size: len(u.Data), SHA256: hex.EncodeToString(sum[:]),
			CreatedBy: a.DisplayName(), CreatedAt: now, OwnerKind: kind, OwnerID: ownerID, OrgID: orgID}
		if err := tx.QueryRowContext(ctx, `INSERT INTO files (owner_kind, owner_id, org_id, name, content_type, size, sha256, data,
			created_by, created_by_name, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
			kind, ownerID, orgID, f.Name, f.ContentType, f.Size, f.SHA256, u.Data, a.UserRef(), f.CreatedBy, now).Scan(&f.ID); err != nil {
			return nil, fmt.Errorf("files: add: %w", err)
		}
		out = append(out, f)
	}
	return out, nil
}

const columns = `id, name, content_type, size, sha256, created_by_name, created_at, owner_kind, owner_id, org_id`

// scan reads columns into f, then any more columns into more.
func scan(r interface{ Scan(...any) error }, f *File, more ...any) error {
	return r.Scan(append([]any{&f.ID, &f.Name, &f.ContentType, &f.Size, &f.SHA256, &f.CreatedBy, &f.CreatedAt,
		&f.OwnerKind, &f.OwnerID, &f.OrgID}, more...)...)
}

// Of lists the files of records of one kind, in the order they were
// added, without their bytes.
func Of(ctx context.Context, q db.Queryer, kind string, ownerIDs ...int64) ([]File, error) {
	if len(ownerIDs) == 0 {
		return []File{}, nil
	}
	var args db.Args
	in := db.InList(&args, ownerIDs)
	rows, err := q.QueryContext(ctx, `SELECT `+columns+` FROM files WHERE owner_kind = `+args.Add(kind)+
		` AND owner_id IN (`+in+`) ORDER BY owner_kind, owner_id, id`, args.Values()...)
	if err != nil {
		return nil, fmt.Errorf("files: list: %w", err)
	}
	return db.Collect(rows, func(r *sql.Rows, f *File) error { return scan(r, f) })
}

// Load reads one file of one of the kinds of record with its bytes; a
// file of another kind is not found. The caller checks that the actor may
// read its record (File.OwnerKind, OwnerID) before serving it.
func Load(ctx context.Context, q db.Queryer, id int64, kinds ...string) (File, []byte, error) {
	var f File
	var data []byte
	err := scan(q.QueryRowContext(ctx, `SELECT `+columns+`, data FROM files WHERE id = $1`, id), &f, &data)
	if errors.Is(err, sql.ErrNoRows) || err == nil && !slices.Contains(kinds, f.OwnerKind) {
		return File{}, nil, apperr.NotFound()
	}
	if err != nil {
		return f, nil, fmt.Errorf("files: load: %w", err)
	}
	return f, data, nil
}
