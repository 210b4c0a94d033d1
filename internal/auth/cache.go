package auth

import (
	"sync"
	"time"
)

// DefaultActorCacheTTL bounds how stale a cached actor may be. Every app
// server keeps its own cache; a logout, a password change or a revoked
// token on one server drops the entry there at once and is honoured by the
// others within this bound, when their entry has aged out. Sessions and
// tokens are resolved on every request, so this saves a round trip on
// nearly all of them while a change never waits longer than three seconds.
const DefaultActorCacheTTL = 3 * time.Second

// actorCacheLimit caps the entries one server keeps; past it the cache
// starts afresh rather than grow with a flood of made-up tokens (misses
// are not cached, so those never enter).
const actorCacheLimit = 20000

// actorCache maps a credential's hash to the actor it resolved to and when
// it was read from the database.
type actorCache struct {
	mu      sync.Mutex
	entries map[string]cachedActor
}

type cachedActor struct {
	actor   Actor
	read    time.Time // when the database answered
	expires time.Time // the session's own end (zero for API tokens)
}

func (c *actorCache) get(key string, now time.Time, ttl time.Duration) (*Actor, bool) {
	if ttl <= 0 {
		return nil, false
	}
	c.mu.Lock()
	e, ok := c.entries[key]
	c.mu.Unlock()
	if !ok || now.Sub(e.read) >= ttl || now.Before(e.read) || (!e.expires.IsZero() && !e.expires.After(now)) {
		return nil, false
	}
	return e.actor.clone(), true
}

func (c *actorCache) put(key string, a *Actor, read, expires time.Time, ttl time.Duration) {
	if ttl <= 0 {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.entries == nil || len(c.entries) >= actorCacheLimit {
		c.entries = map[string]cachedActor{}
	}
	c.entries[key] = cachedActor{actor: *a.clone(), read: read, expires: expires}
}

// forget drops one credential.
func (c *actorCache) forget(key string) {
	c.mu.Lock()
	delete(c.entries, key)
	c.mu.Unlock()
}

// forgetUser drops every credential of a user: their sessions and tokens.
func (c *actorCache) forgetUser(userID int64) {
	c.mu.Lock()
	for k, e := range c.entries {
		if e.actor.UserID == userID {
			delete(c.entries, k)
		}
	}
	c.mu.Unlock()
}

// clone copies an actor so a caller that appends to its bindings cannot
// change what the cache hands the next request.
func (a *Actor) clone() *Actor {
	c := *a
	c.Bindings = append([]Binding(nil), a.Bindings...)
	return &c
}

func earlier(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}
