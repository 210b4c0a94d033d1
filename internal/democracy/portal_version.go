package democracy

import (
	"context"
	"database/sql"
	"errors"
	"sync"
	"time"
)

// PortalVersionTTL bounds how long a server trusts a village's portal
// version it has read before reading it again: a publication made through
// another server shows here within this bound (browsers may keep a page
// for web.PublicMaxAge, a minute, anyway). A publication made through this
// server shows here at once. Within the bound a cached page is served
// from memory without asking the database anything.
const PortalVersionTTL = time.Second

// portalVersions is one server's recent reads of portal versions, and
// the versions its own publications are waiting for.
type portalVersions struct {
	mu   sync.Mutex
	read map[int64]readVersion
	// awaited holds, for a village this server just published in, the
	// version its transaction wrote: until the database shows it (the
	// transaction committed), every request reads again, so the publisher
	// never sees the page from before. A rolled-back publication leaves the
	// village read each time until a later one reaches that version.
	awaited map[int64]int64
}

type readVersion struct {
	v  int64
	at time.Time
}

// bumpPortal moves a village's portal version on, in the transaction
// that changes what its public pages show.
func (s *Service) bumpPortal(ctx context.Context, tx *sql.Tx, orgID int64) error {
	var v int64
	if err := tx.QueryRowContext(ctx, `INSERT INTO portal_versions(org_id, version) VALUES ($1, 1)
		ON CONFLICT (org_id) DO UPDATE SET version = portal_versions.version + 1 RETURNING version`, orgID).Scan(&v); err != nil {
		return err
	}
	pv := &s.portalCache
	pv.mu.Lock()
	defer pv.mu.Unlock()
	if pv.awaited == nil {
		pv.awaited = map[int64]int64{}
	}
	pv.awaited[orgID] = max(pv.awaited[orgID], v)
	delete(pv.read, orgID)
	return nil
}

// PortalVersion is the village's portal version (0 before anything was
// published): from memory when read within PortalVersionTTL, else one
// primary-key read.
func (s *Service) PortalVersion(ctx context.Context, orgID int64) (int64, error) {
	now := s.Clock.Now()
	pv := &s.portalCache
	pv.mu.Lock()
	if r, ok := pv.read[orgID]; ok && now.Sub(r.at) < PortalVersionTTL && now.Sub(r.at) >= 0 {
		pv.mu.Unlock()
		return r.v, nil
	}
	pv.mu.Unlock()
	var v int64
	err := s.DB.QueryRowContext(ctx, `SELECT version FROM portal_versions WHERE org_id = $1`, orgID).Scan(&v)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return 0, err
	}
	pv.mu.Lock()
	defer pv.mu.Unlock()
	if want, ok := pv.awaited[orgID]; ok {
		if v < want {
			return v, nil // not committed yet: do not keep it
		}
		delete(pv.awaited, orgID)
	}
	if pv.read == nil {
		pv.read = map[int64]readVersion{}
	}
	pv.read[orgID] = readVersion{v: v, at: now}
	return v, nil
}
