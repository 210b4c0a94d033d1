package web

import (
	"container/list"
	"context"
	"runtime"
	"sync"
)

// requestGate lets at most a fixed number of requests into the handlers at
// once and the rest in strictly in the order they came.
//
// Without it every request goes straight to the connection pool, and
// database/sql hands a freed connection to a random waiter: under load a
// few requests waited many turns longer than the others (the PostgreSQL
// list's p99 was 1.3–1.65× the bare server's at 85–97 % of its
// throughput). With no more requests inside than the pool has connections
// nothing waits inside database/sql, and the queue here is first come,
// first served. It also bounds the memory a burst of requests can hold.
type requestGate struct {
	mu      sync.Mutex
	free    int
	waiting list.List // of chan struct{}, closed when it is that request's turn
}

func newRequestGate(n int) *requestGate { return &requestGate{free: n} }

// gateSize is the configured number, or as many as the database has
// connections and at least four a core (requests also wait on the network
// and on their clients, not only on the database).
func gateSize(configured, conns int) int {
	if configured > 0 {
		return configured
	}
	return max(conns, 4*runtime.GOMAXPROCS(0))
}

// enter waits for the request's turn. It fails only when ctx ends first
// (the client went away); the request then leaves the queue unserved.
func (g *requestGate) enter(ctx context.Context) error {
	g.mu.Lock()
	if g.free > 0 && g.waiting.Len() == 0 {
		g.free--
		g.mu.Unlock()
		return nil
	}
	turn := make(chan struct{})
	place := g.waiting.PushBack(turn)
	g.mu.Unlock()
	select {
	case <-turn:
		return nil
	case <-ctx.Done():
	}
	g.mu.Lock()
	select {
	case <-turn: // its turn came meanwhile: hand it on
		g.mu.Unlock()
		g.leave()
	default:
		g.waiting.Remove(place)
		g.mu.Unlock()
	}
	return ctx.Err()
}

// leave ends a request's stay: the first in the queue comes in.
func (g *requestGate) leave() {
	g.mu.Lock()
	defer g.mu.Unlock()
	if first := g.waiting.Front(); first != nil {
		close(g.waiting.Remove(first).(chan struct{}))
		return
	}
	g.free++
}

// queued is the number of requests waiting, for tests.
func (g *requestGate) queued() int {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.waiting.Len()
}
