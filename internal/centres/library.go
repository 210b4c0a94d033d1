package centres

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"dangjian/internal/apperr"
	"dangjian/internal/auth"
	"dangjian/internal/day"
	"dangjian/internal/db"
)

// The 农家书屋's loan rules: a loan runs LoanDays, renewed at most
// MaxRenewals times by LoanDays from its due day, never once overdue.
const (
	LoanDays    = 30
	MaxRenewals = 2
)

// Book is a title of the village library with its copies and how many
// are out.
type Book struct {
	ID     int64  `json:"id"`
	ISBN   string `json:"isbn"`
	Title  string `json:"title"`
	Copies int    `json:"copies"`
	Out    int    `json:"out"`
}

// NormalizeISBN reads an ISBN as typed (hyphens and spaces dropped) and
// checks its check digit: ISBN-13, or ISBN-10 turned into its ISBN-13.
// Books are found by ISBN, so no printed barcode is needed.
func NormalizeISBN(s string) (string, bool) {
	s = strings.ToUpper(strings.NewReplacer("-", "", " ", "").Replace(strings.TrimSpace(s)))
	switch len(s) {
	case 10:
		sum := 0
		for i, c := range s {
			d := int(c - '0')
			if c == 'X' && i == 9 {
				d = 10
			} else if c < '0' || c > '9' {
				return "", false
			}
			sum += d * (10 - i)
		}
		if sum%11 != 0 {
			return "", false
		}
		s = "978" + s[:9]
		return s + strconv.Itoa(isbn13Check(s)), true
	case 13:
		for _, c := range s {
			if c < '0' || c > '9' {
				return "", false
			}
		}
		if isbn13Check(s[:12]) != int(s[12]-'0') {
			return "", false
		}
		return s, true
	}
	return "", false
}

func isbn13Check(first12 string) int {
	sum := 0
	for i, c := range first12 {
		d := int(c - '0')
		if i%2 == 1 {
			d *= 3
		}
		sum += d
	}
	return (10 - sum%10) % 10
}

// AddBooks adds copies of a title to the village library: a new ISBN is a
// new title, a known one gains copies.
func (s *Service) AddBooks(ctx context.Context, a *auth.Actor, orgID int64, isbn, title string, copies int) (Book, error) {
	var b Book
	err := s.DB.Tx(ctx, func(tx *sql.Tx) error {
		v, err := villageFor(ctx, tx, a, orgID, auth.PermCentresRead, auth.PermCentresWrite)
		if err != nil {
			return err
		}
		f := apperr.Fields{}
		n, ok := NormalizeISBN(isbn)
		if !ok {
			f.Add("isbn", "library.isbn", nil)
		}
		title = apperr.Text(f, "title", title, 200, true)
		if copies < 1 || copies > 1000 {
			f.Add("copies", "library.copies_bad", nil)
		}
		if err := f.Err(); err != nil {
			return err
		}
		b = Book{ISBN: n, Title: title, Copies: copies}
		err = tx.QueryRowContext(ctx, `SELECT id, copies FROM library_books WHERE org_id = $1 AND isbn = $2`, v.ID, n).Scan(&b.ID, &b.Copies)
		switch {
		case errors.Is(err, sql.ErrNoRows):
			b.Copies = copies
			err = tx.QueryRowContext(ctx, `INSERT INTO library_books(town_id, org_id, isbn, title, copies, created_at)
				VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`, db.NullID(v.TownID), v.ID, n, title, copies, s.Clock.Now()).Scan(&b.ID)
		case err == nil:
			b.Copies += copies
			_, err = tx.ExecContext(ctx, `UPDATE library_books SET copies = $1 WHERE id = $2`, b.Copies, b.ID)
		}
		if err != nil {
			return err
		}
		return s.record(ctx, tx, a, "library.add_books", "library_book", b.ID, v.ID, nil,
			map[string]any{"isbn": n, "title": title, "copies": b.Copies})
	})
	return b, err
}

func (s *Service) books(ctx context.Context, villageID int64) ([]Book, error) {
	rows, err := s.DB.QueryContext(ctx, `SELECT b.id, b.isbn, b.title, b.copies,
		(SELECT COUNT(*) FROM library_loans l WHERE l.book_id = b.id AND l.returned_on IS NULL)
		FROM library_books b WHERE b.org_id = $1 ORDER BY b.title, b.id LIMIT 500`, villageID)
	if err != nil {
		return nil, fmt.Errorf("centres: books: %w", err)
	}
	return db.Collect(rows, func(r *sql.Rows, b *Book) error { return r.Scan(&b.ID, &b.ISBN, &b.Title, &b.Copies, &b.Out) })
}

// Loan is one copy lent to a resident.
type Loan struct {
	ID         int64   `json:"id"`
	OrgID      int64   `json:"org_id"`
	OrgPath    string  `json:"-"`
	BookID     int64   `json:"book_id"`
	Title      string  `json:"title"`
	ResidentID int64   `json:"resident_id"`
	Borrower   string  `json:"borrower"`
	LoanedOn   day.Day `json:"loaned_on"`
	DueOn      day.Day `json:"due_on"`
	Renewals   int     `json:"renewals"`
	ReturnedOn day.Day `json:"returned_on,omitzero"`
	Due        Due     `json:"due"`
}

const loanColumns = `l.id, l.org_id, o.path, l.book_id, b.title, l.resident_id, r.name, l.loaned_on, l.due_on, l.renewals, l.returned_on`

const loanFrom = ` FROM library_loans l JOIN library_books b ON b.id = l.book_id JOIN residents r ON r.id = l.resident_id
	JOIN orgs o ON o.id = l.org_id`

func (s *Service) scanLoan(row interface{ Scan(...any) error }, today day.Day) (Loan, error) {
	var l Loan
	err := row.Scan(&l.ID, &l.OrgID, &l.OrgPath, &l.BookID, &l.Title, &l.ResidentID, &l.Borrower, &l.LoanedOn, &l.DueOn,
		&l.Renewals, &l.ReturnedOn)
	l.Due = s.Judge(l.DueOn, !l.ReturnedOn.IsZero(), today)
	return l, err
}

// openLoans lists open loans of an area by due day, the overdue first.
func (s *Service) openLoans(ctx context.Context, ar area, limit int) ([]Loan, error) {
	var args db.Args
	rows, err := s.DB.QueryContext(ctx, `SELECT `+loanColumns+loanFrom+` WHERE `+ar.cond(&args, "l")+
		` AND l.returned_on IS NULL ORDER BY l.due_on, l.id LIMIT `+strconv.Itoa(limit), args.Values()...)
	if err != nil {
		return nil, fmt.Errorf("centres: loans: %w", err)
	}
	today := s.today()
	return db.Collect(rows, func(r *sql.Rows, l *Loan) error {
		var err error
		*l, err = s.scanLoan(r, today)
		return err
	})
}

// OpenLoans lists the open loans in a village, a town or the actor's
// scope, the overdue first.
func (s *Service) OpenLoans(ctx context.Context, a *auth.Actor, orgID int64, limit int) ([]Loan, error) {
	ar, err := areaFor(ctx, s.DB, a, auth.PermCentresRead, orgID)
	if err != nil {
		return nil, err
	}
	return s.openLoans(ctx, ar, db.Limit(limit, 50, 200))
}

// Lend lends a copy of a book of the village library to a resident of the
// village, due LoanDays later; every copy out refuses (rule library.all_out).
func (s *Service) Lend(ctx context.Context, a *auth.Actor, bookID, residentID int64, on day.Day) (Loan, error) {
	var l Loan
	err := s.DB.Tx(ctx, func(tx *sql.Tx) error {
		var b Book
		var orgID int64
		err := tx.QueryRowContext(ctx, `SELECT id, org_id, title, copies FROM library_books WHERE id = $1`, bookID).
			Scan(&b.ID, &orgID, &b.Title, &b.Copies)
		f := apperr.Fields{}
		if errors.Is(err, sql.ErrNoRows) {
			f.Add("book_id", "library.book_unknown", nil)
			return f.Err()
		} else if err != nil {
			return err
		}
		v, err := villageFor(ctx, tx, a, orgID, auth.PermCentresRead, auth.PermCentresWrite)
		if apperr.KindOf(err) == apperr.KindInvalid {
			f.Add("book_id", "library.book_unknown", nil)
			return f.Err()
		} else if err != nil {
			return err
		}
		r, err := residentIn(ctx, tx, a, f, "resident_id", residentID, v)
		if err != nil {
			return err
		}
		if on.IsZero() {
			f.Add("loaned_on", "error.required", nil)
		}
		if err := f.Err(); err != nil {
			return err
		}
		if err := notFuture("loaned_on", on, s.today()); err != nil {
			return err
		}
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM library_loans WHERE book_id = $1 AND returned_on IS NULL`, b.ID).
			Scan(&b.Out); err != nil {
			return err
		}
		if b.Out >= b.Copies {
			return apperr.Rule("library.all_out", apperr.Params{"title": b.Title, "copies": b.Copies})
		}
		l = Loan{OrgID: v.ID, OrgPath: v.Path, BookID: b.ID, Title: b.Title, ResidentID: r.ID, Borrower: r.Name, LoanedOn: on,
			DueOn: on.AddDays(LoanDays)}
		if err := tx.QueryRowContext(ctx, `INSERT INTO library_loans(town_id, org_id, book_id, resident_id, loaned_on, due_on, created_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`, db.NullID(v.TownID), v.ID, b.ID, r.ID, on, l.DueOn, s.Clock.Now()).Scan(&l.ID); err != nil {
			return err
		}
		l.Due = s.Judge(l.DueOn, false, s.today())
		return s.record(ctx, tx, a, "library.lend", "library_loan", l.ID, v.ID, nil,
			map[string]any{"title": b.Title, "borrower": r.Name, "loaned_on": on, "due_on": l.DueOn})
	})
	return l, err
}

// changeLoan runs a change of an open loan: load, decide centres.write,
// refuse a returned one (rule library.returned), change, one audit record.
func (s *Service) changeLoan(ctx context.Context, a *auth.Actor, id int64, action string,
	change func(tx *sql.Tx, l *Loan, today day.Day) error) (Loan, error) {
	var l Loan
	err := s.DB.Tx(ctx, func(tx *sql.Tx) error {
		today := s.today()
		var err error
		l, err = s.scanLoan(tx.QueryRowContext(ctx, `SELECT `+loanColumns+loanFrom+` WHERE l.id = $1`, id), today)
		if errors.Is(err, sql.ErrNoRows) {
			return apperr.NotFound()
		} else if err != nil {
			return err
		}
		if err := a.Decide(auth.PermCentresRead, auth.PermCentresWrite, l.OrgPath); err != nil {
			return err
		}
		if !l.ReturnedOn.IsZero() {
			return apperr.Rule("library.returned", apperr.Params{"date": l.ReturnedOn})
		}
		if err := change(tx, &l, today); err != nil {
			return err
		}
		l.Due = s.Judge(l.DueOn, !l.ReturnedOn.IsZero(), today)
		return s.record(ctx, tx, a, action, "library_loan", l.ID, l.OrgID, nil,
			map[string]any{"title": l.Title, "borrower": l.Borrower, "due_on": l.DueOn, "returned_on": l.ReturnedOn})
	})
	return l, err
}

// Return ends a loan on a day on or after it was lent.
func (s *Service) Return(ctx context.Context, a *auth.Actor, id int64, on day.Day) (Loan, error) {
	return s.changeLoan(ctx, a, id, "library.return", func(tx *sql.Tx, l *Loan, today day.Day) error {
		if on.IsZero() {
			return apperr.Invalid("returned_on", "error.required", nil)
		}
		if err := notFuture("returned_on", on, today); err != nil {
			return err
		}
		if on.Before(l.LoanedOn) {
			return apperr.Rule("library.return_after_loan", apperr.Params{"loaned_on": l.LoanedOn})
		}
		l.ReturnedOn = on
		_, err := tx.ExecContext(ctx, `UPDATE library_loans SET returned_on = $1 WHERE id = $2`, on, l.ID)
		return err
	})
}

// Renew extends a loan by LoanDays from its due day, at most MaxRenewals
// times (rule library.renewals) and not once it is overdue (rule
// library.renew_overdue: bring the book back first).
func (s *Service) Renew(ctx context.Context, a *auth.Actor, id int64) (Loan, error) {
	return s.changeLoan(ctx, a, id, "library.renew", func(tx *sql.Tx, l *Loan, today day.Day) error {
		if l.Renewals >= MaxRenewals {
			return apperr.Rule("library.renewals", apperr.Params{"max": MaxRenewals})
		}
		if l.Due == DueOverdue {
			return apperr.Rule("library.renew_overdue", apperr.Params{"due_on": l.DueOn})
		}
		l.DueOn, l.Renewals = l.DueOn.AddDays(LoanDays), l.Renewals+1
		_, err := tx.ExecContext(ctx, `UPDATE library_loans SET due_on = $1, renewals = $2 WHERE id = $3`, l.DueOn, l.Renewals, l.ID)
		return err
	})
}
