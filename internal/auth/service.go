// Package auth holds accounts, sessions, API tokens, login throttling and
// the roles that bind a user to a subtree of the organisation tree.
package auth

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"strings"
	"time"

	"dangjian/internal/apperr"
	"dangjian/internal/audit"
	"dangjian/internal/db"
	"dangjian/internal/i18n"
)

// Service is the accounts use cases.
type Service struct {
	DB       *db.DB
	Clock    db.Clock
	Password PasswordParams
	// SessionTTL is how long a session lives without use.
	SessionTTL time.Duration
	// SessionMaxAge is how long a session lives at all, however often it
	// is used: a stolen cookie stops working within it.
	SessionMaxAge time.Duration
	// ActorCacheTTL is how long a resolved session or token is reused
	// without asking the database; 0 turns the cache off.
	ActorCacheTTL time.Duration
	actors        actorCache
	// Throttle limits failed logins.
	Throttle Throttle
}

// Throttle is the login limit: at most PerAccount failures for one
// username and PerAddress from one address within Window.
type Throttle struct {
	PerAccount int
	PerAddress int
	Window     time.Duration
}

var DefaultThrottle = Throttle{PerAccount: 5, PerAddress: 30, Window: 15 * time.Minute}

// NewService fills in defaults.
func NewService(d *db.DB, clock db.Clock) *Service {
	return &Service{DB: d, Clock: clock, Password: DefaultPasswordParams,
		SessionTTL: 12 * time.Hour, SessionMaxAge: 7 * 24 * time.Hour, ActorCacheTTL: DefaultActorCacheTTL,
		Throttle: DefaultThrottle}
}

// newToken returns a random token for the client and its SHA-256 for the
// database: a stolen database does not hold usable session cookies.
func newToken() (token, hash string) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		panic(err) // the system's randomness is gone; nothing is safe
	}
	token = base64.RawURLEncoding.EncodeToString(b)
	return token, hashToken(token)
}

func hashToken(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}

// Login checks a username and password and opens a session. Failures are
// counted per account and per address in the database, so every app
// server sees the same count.
func (s *Service) Login(ctx context.Context, username, password, addr string) (token string, err error) {
	now := s.Clock.Now()
	acctKey, addrKey := "user:"+username, "addr:"+addr
	for _, c := range []struct {
		key   string
		limit int
	}{{acctKey, s.Throttle.PerAccount}, {addrKey, s.Throttle.PerAddress}} {
		if err := CheckAttempts(ctx, s.DB, c.key, c.limit, s.Throttle.Window, now); err != nil {
			return "", err
		}
	}
	var userID int64
	var hash string
	var disabled bool
	err = s.DB.QueryRowContext(ctx, `SELECT id, password_hash, disabled FROM users WHERE username = $1`, username).
		Scan(&userID, &hash, &disabled)
	if errors.Is(err, sql.ErrNoRows) {
		CheckPassword(password, dummyHash())
		hash = ""
	} else if err != nil {
		return "", err
	}
	if hash == "" || disabled || !CheckPassword(password, hash) {
		err := s.DB.Tx(ctx, func(tx *sql.Tx) error {
			for _, k := range []string{acctKey, addrKey} {
				if err := RecordAttempt(ctx, tx, k, now); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return "", err
		}
		return "", apperr.Unauthenticated("auth.bad_credentials")
	}
	token, tokenHash := newToken()
	csrf, _ := newToken()
	err = s.DB.Tx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `DELETE FROM login_failures WHERE key = $1`, acctKey); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO sessions(token_hash, user_id, csrf_token, created_at, expires_at, remote_addr)
			VALUES ($1, $2, $3, $4, $5, $6)`, tokenHash, userID, csrf, now, now.Add(s.SessionTTL), addr)
		return err
	})
	return token, err
}

// SessionActor resolves a session cookie to its actor, from the cache when
// it was read within ActorCacheTTL. A session ends after SessionTTL without
// use or SessionMaxAge after login, whichever comes first; the idle expiry
// slides forward at most once a minute to keep writes rare.
func (s *Service) SessionActor(ctx context.Context, token string) (*Actor, error) {
	now := s.Clock.Now()
	key := "s:" + hashToken(token)
	if a, ok := s.actors.get(key, now, s.ActorCacheTTL); ok {
		return a, nil
	}
	var csrf string
	var expires, created time.Time
	a, err := s.actorBy(ctx, `s.csrf_token, s.expires_at, s.created_at`, `sessions s JOIN users u ON u.id = s.user_id`,
		`s.token_hash = $1`, hashToken(token), &csrf, &expires, &created)
	end := created.Add(s.SessionMaxAge)
	if apperr.KindOf(err) == apperr.KindUnauthenticated || (err == nil && (!expires.After(now) || !end.After(now))) {
		return nil, apperr.Unauthenticated("auth.session_expired")
	}
	if err != nil {
		return nil, err
	}
	if expires.Sub(now) < s.SessionTTL-time.Minute {
		expires = now.Add(s.SessionTTL)
		if _, err := s.DB.ExecContext(ctx, `UPDATE sessions SET expires_at = $1 WHERE token_hash = $2`,
			expires, hashToken(token)); err != nil {
			return nil, err
		}
	}
	a.CSRF = csrf
	s.actors.put(key, a, now, earlier(expires, end), s.ActorCacheTTL)
	return a, nil
}

// TokenActor resolves an API bearer token, from the cache when it was read
// within ActorCacheTTL.
func (s *Service) TokenActor(ctx context.Context, token string) (*Actor, error) {
	now := s.Clock.Now()
	hash := hashToken(strings.TrimPrefix(token, "dj_"))
	if a, ok := s.actors.get("t:"+hash, now, s.ActorCacheTTL); ok {
		return a, nil
	}
	var id int64
	a, err := s.actorBy(ctx, `t.id`, `api_tokens t JOIN users u ON u.id = t.user_id`,
		`t.token_hash = $1 AND t.revoked_at IS NULL`, hash, &id)
	if apperr.KindOf(err) == apperr.KindUnauthenticated {
		return nil, apperr.Unauthenticated("auth.bad_token")
	}
	if err == nil {
		s.actors.put("t:"+hash, a, now, time.Time{}, s.ActorCacheTTL)
	}
	return a, err
}

// actorBy reads a credential's row, its user and the user's role bindings
// in ONE query — this runs on every request, so it is kept to a single
// round trip. extra receives the credential's own columns (first row).
// A missing credential or a disabled user answers Unauthenticated.
func (s *Service) actorBy(ctx context.Context, cols, from, where, key string, extra ...any) (*Actor, error) {
	rows, err := s.DB.QueryContext(ctx, `SELECT `+cols+`, u.id, u.username, u.display_name, u.lang, u.disabled,
		COALESCE(b.role, ''), COALESCE(b.org_id, 0), COALESCE(o.path, ''), COALESCE(o.town_id, 0)
		FROM `+from+` LEFT JOIN role_bindings b ON b.user_id = u.id LEFT JOIN orgs o ON o.id = b.org_id
		WHERE `+where+` ORDER BY b.id`, key)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var a *Actor
	for rows.Next() {
		var u Actor
		var lang string
		var disabled bool
		var b Binding
		dest := append(append([]any{}, extra...), &u.UserID, &u.Username, &u.Name, &lang, &disabled,
			&b.Role, &b.OrgID, &b.OrgPath, &b.TownID)
		if a != nil {
			for i := range extra {
				dest[i] = new(any) // the credential's columns repeat on every row
			}
		}
		if err := rows.Scan(dest...); err != nil {
			return nil, err
		}
		if disabled {
			return nil, apperr.Unauthenticated("auth.session_expired")
		}
		if a == nil {
			u.Lang = i18n.Parse(lang)
			a = &u
		}
		if b.OrgID != 0 {
			a.Bindings = append(a.Bindings, b)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if a == nil {
		return nil, apperr.Unauthenticated("auth.session_expired")
	}
	return a, nil
}

// Logout ends one session.
func (s *Service) Logout(ctx context.Context, token string) error {
	// Forgotten after the delete, so a request reading the session
	// meanwhile cannot put it back for longer than it takes.
	defer s.actors.forget("s:" + hashToken(token))
	_, err := s.DB.ExecContext(ctx, `DELETE FROM sessions WHERE token_hash = $1`, hashToken(token))
	return err
}

// LogoutEverywhere ends every session of the actor, on every device.
func (s *Service) LogoutEverywhere(ctx context.Context, a *Actor) error {
	defer s.actors.forgetUser(a.UserID)
	return s.DB.Tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM sessions WHERE user_id = $1`, a.UserID)
		if err != nil {
			return err
		}
		n, _ := res.RowsAffected()
		return audit.Record(ctx, tx, s.Clock.Now(), a.Audit(), audit.Entry{
			Action: "user.logout_everywhere", Entity: "user", EntityID: a.UserID,
			After: map[string]any{"sessions_ended": n}})
	})
}

// SetLang remembers the actor's language choice.
func (s *Service) SetLang(ctx context.Context, a *Actor, lang i18n.Lang) error {
	_, err := s.DB.ExecContext(ctx, `UPDATE users SET lang = $1 WHERE id = $2`, string(lang), a.UserID)
	return err
}
