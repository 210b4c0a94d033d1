package auth

import (
	"context"
	"database/sql"
	"errors"
	"regexp"
	"strings"

	"dangjian/internal/apperr"
	"dangjian/internal/audit"
	"dangjian/internal/db"
)

// NewUser is the input of AddUser.
type NewUser struct {
	Username    string
	DisplayName string
	Password    string
	Role        Role
	OrgID       int64
}

var usernamePattern = regexp.MustCompile(`^[a-z0-9][a-z0-9._-]{2,31}$`)

// MinPasswordLen is the shortest password accepted.
const MinPasswordLen = 8

// User is an account as listed for administrators.
type User struct {
	ID          int64  `json:"id"`
	Username    string `json:"username"`
	DisplayName string `json:"display_name"`
	Disabled    bool   `json:"disabled"`
}

// AddUser creates an account with one role binding. The actor must manage
// users over the organisation the role is bound to; a nil actor is the
// command line, run by whoever holds the server.
func (s *Service) AddUser(ctx context.Context, a *Actor, in NewUser) (int64, error) {
	f := apperr.Fields{}
	in.Username = strings.TrimSpace(strings.ToLower(in.Username))
	in.DisplayName = strings.TrimSpace(in.DisplayName)
	if !usernamePattern.MatchString(in.Username) {
		f.Add("username", "user.username_format", nil)
	}
	if in.DisplayName == "" {
		f.Add("display_name", "error.required", nil)
	}
	if len([]rune(in.Password)) < MinPasswordLen {
		f.Add("password", "user.password_short", apperr.Params{"min": MinPasswordLen})
	}
	if !in.Role.Valid() {
		f.Add("role", "user.role_unknown", nil)
	}
	if err := f.Err(); err != nil {
		return 0, err
	}
	var path string
	err := s.DB.QueryRowContext(ctx, `SELECT path FROM orgs WHERE id = $1`, in.OrgID).Scan(&path)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, apperr.Invalid("org_id", "org.unknown", nil)
	} else if err != nil {
		return 0, err
	}
	if a != nil {
		if err := a.Require(PermUserManage, path); err != nil {
			return 0, err
		}
	}
	hash, err := HashPassword(in.Password, s.Password)
	if err != nil {
		return 0, err
	}
	var id int64
	err = s.DB.Tx(ctx, func(tx *sql.Tx) error {
		err := tx.QueryRowContext(ctx, `INSERT INTO users(username, display_name, password_hash, created_at)
			VALUES ($1, $2, $3, $4) RETURNING id`, in.Username, in.DisplayName, hash, s.Clock.Now()).Scan(&id)
		if db.IsUniqueViolation(err) {
			return apperr.Invalid("username", "user.username_taken", apperr.Params{"username": in.Username})
		}
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO role_bindings(user_id, role, org_id) VALUES ($1, $2, $3)`,
			id, string(in.Role), in.OrgID); err != nil {
			return err
		}
		return audit.Record(ctx, tx, s.Clock.Now(), a.Audit(), audit.Entry{
			Action: "user.add", Entity: "user", EntityID: id, OrgID: in.OrgID,
			After: map[string]any{"username": in.Username, "display_name": in.DisplayName,
				"role": in.Role, "org_id": in.OrgID}})
	})
	return id, err
}

// SetPassword replaces a user's password and ends their sessions, so a
// leaked password stops working at once. A nil actor is the command line.
func (s *Service) SetPassword(ctx context.Context, a *Actor, username, password string) error {
	if len([]rune(password)) < MinPasswordLen {
		return apperr.Invalid("password", "user.password_short", apperr.Params{"min": MinPasswordLen})
	}
	var id int64
	err := s.DB.QueryRowContext(ctx, `SELECT id FROM users WHERE username = $1`, username).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return apperr.NotFound()
	} else if err != nil {
		return err
	}
	if a != nil && a.UserID != id {
		if err := s.requireManages(ctx, a, id); err != nil {
			return err
		}
	}
	hash, err := HashPassword(password, s.Password)
	if err != nil {
		return err
	}
	defer s.actors.forgetUser(id)
	return s.DB.Tx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `UPDATE users SET password_hash = $1 WHERE id = $2`, hash, id); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM sessions WHERE user_id = $1`, id); err != nil {
			return err
		}
		return audit.Record(ctx, tx, s.Clock.Now(), a.Audit(), audit.Entry{
			Action: "user.password", Entity: "user", EntityID: id})
	})
}

// requireManages checks that every binding of the target user lies in a
// subtree where the actor manages users.
func (s *Service) requireManages(ctx context.Context, a *Actor, userID int64) error {
	rows, err := s.DB.QueryContext(ctx, `SELECT o.path FROM role_bindings b JOIN orgs o ON o.id = b.org_id
		WHERE b.user_id = $1`, userID)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var p string
		if err := rows.Scan(&p); err != nil {
			return err
		}
		if err := a.Require(PermUserManage, p); err != nil {
			return err
		}
	}
	return rows.Err()
}

// CreateAPIToken issues a bearer token for /api/v1 acting as the actor.
// The token is shown once; only its hash is kept.
func (s *Service) CreateAPIToken(ctx context.Context, a *Actor, name string) (string, error) {
	name = strings.TrimSpace(name)
	if name == "" {
		return "", apperr.Invalid("name", "error.required", nil)
	}
	token, hash := newToken()
	err := s.DB.Tx(ctx, func(tx *sql.Tx) error {
		var id int64
		if err := tx.QueryRowContext(ctx, `INSERT INTO api_tokens(user_id, name, token_hash, created_at)
			VALUES ($1, $2, $3, $4) RETURNING id`, a.UserID, name, hash, s.Clock.Now()).Scan(&id); err != nil {
			return err
		}
		return audit.Record(ctx, tx, s.Clock.Now(), a.Audit(), audit.Entry{
			Action: "token.create", Entity: "api_token", EntityID: id, After: map[string]any{"name": name}})
	})
	return "dj_" + token, err
}

// APIToken is a listed token (never its secret).
type APIToken struct {
	ID      int64  `json:"id"`
	Name    string `json:"name"`
	Created string `json:"created"`
}

// ListAPITokens lists the actor's live tokens.
func (s *Service) ListAPITokens(ctx context.Context, a *Actor) ([]APIToken, error) {
	rows, err := s.DB.QueryContext(ctx, `SELECT id, name, created_at FROM api_tokens
		WHERE user_id = $1 AND revoked_at IS NULL ORDER BY id`, a.UserID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []APIToken
	for rows.Next() {
		var t APIToken
		var at sql.NullTime
		if err := rows.Scan(&t.ID, &t.Name, &at); err != nil {
			return nil, err
		}
		t.Created = at.Time.Format("2006-01-02 15:04")
		out = append(out, t)
	}
	return out, rows.Err()
}

// RevokeAPIToken stops one of the actor's tokens from working.
func (s *Service) RevokeAPIToken(ctx context.Context, a *Actor, id int64) error {
	defer s.actors.forgetUser(a.UserID)
	return s.DB.Tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE api_tokens SET revoked_at = $1 WHERE id = $2 AND user_id = $3 AND revoked_at IS NULL`,
			s.Clock.Now(), id, a.UserID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return apperr.NotFound()
		}
		return audit.Record(ctx, tx, s.Clock.Now(), a.Audit(), audit.Entry{
			Action: "token.revoke", Entity: "api_token", EntityID: id})
	})
}
