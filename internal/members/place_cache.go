package members

import (
	"context"
	"sync"
)

// placeCache keeps where organisations lie in the tree, so a list of a
// branch sends one statement instead of two (on PostgreSQL a round trip
// each). An organisation's path, type, town and village never change once
// it is created — nothing moves an organisation, and the database refuses
// such an update (migration 0064) — so an entry is never stale and each
// app server keeps its own without invalidation. The name can change and
// is not kept: a cached place has none.
type placeCache struct {
	mu sync.RWMutex
	m  map[int64]place
}

// placeCacheMax bounds the cache: a county's organisations fit; beyond
// that it starts again empty rather than keep a province in memory.
const placeCacheMax = 8192

// placeFixed resolves an organisation's place, from memory when it has
// been resolved before. It reads outside any transaction, so what it keeps
// is committed: an organisation created in a transaction that is rolled
// back is never remembered (SQLite may give its id to the next one).
func (s *Service) placeFixed(ctx context.Context, orgID int64) (place, error) {
	c := &s.places
	c.mu.RLock()
	p, ok := c.m[orgID]
	c.mu.RUnlock()
	if ok {
		return p, nil
	}
	p, err := placeOf(ctx, s.DB, orgID)
	if err != nil {
		return p, err
	}
	p.Name = ""
	c.mu.Lock()
	if c.m == nil || len(c.m) >= placeCacheMax {
		c.m = map[int64]place{}
	}
	c.m[orgID] = p
	c.mu.Unlock()
	return p, nil
}
