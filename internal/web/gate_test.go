package web

import (
	"context"
	"runtime"
	"testing"
)

// waitQueued yields until n requests are waiting: the order in which they
// queued is then known without timing.
func waitQueued(g *requestGate, n int) {
	for g.queued() != n {
		runtime.Gosched()
	}
}

func TestRequestGateAdmitsInArrivalOrder(t *testing.T) {
	g := newRequestGate(1)
	if err := g.enter(context.Background()); err != nil {
		t.Fatal(err)
	}
	admitted := make(chan int, 5)
	for i := 1; i <= 5; i++ {
		go func() {
			if err := g.enter(context.Background()); err != nil {
				t.Error(err)
				return
			}
			admitted <- i
			g.leave()
		}()
		waitQueued(g, i)
	}
	g.leave()
	for want := 1; want <= 5; want++ {
		if got := <-admitted; got != want {
			t.Fatalf("request %d came in %d-th; want arrival order", got, want)
		}
	}
	// Every place is back: the gate takes one again at once.
	if err := g.enter(context.Background()); err != nil || g.queued() != 0 {
		t.Fatalf("after the queue drained: %v, %d waiting", err, g.queued())
	}
}

func TestRequestGateDropsARequestWhoseClientLeft(t *testing.T) {
	g := newRequestGate(1)
	if err := g.enter(context.Background()); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	gone := make(chan error)
	go func() { gone <- g.enter(ctx) }()
	waitQueued(g, 1)
	next := make(chan error)
	go func() { next <- g.enter(context.Background()) }()
	waitQueued(g, 2)
	cancel()
	if err := <-gone; err != context.Canceled {
		t.Fatalf("a request whose client left: %v, want context.Canceled", err)
	}
	waitQueued(g, 1)
	g.leave()
	if err := <-next; err != nil {
		t.Fatalf("the request behind it: %v", err)
	}
	g.leave()
	// One place in all, free again: a cancelled request took none with it.
	if err := g.enter(context.Background()); err != nil || g.queued() != 0 {
		t.Fatalf("after both: %v, %d waiting", err, g.queued())
	}
	blocked, stop := context.WithCancel(context.Background())
	stop()
	if err := g.enter(blocked); err != context.Canceled {
		t.Fatalf("a second request while the one place is taken: %v, want to wait", err)
	}
}

func TestGateSizeFollowsTheDatabase(t *testing.T) {
	cores := runtime.GOMAXPROCS(0)
	for _, c := range []struct{ configured, conns, want int }{
		{0, 20, max(20, 4*cores)}, // PostgreSQL's pool
		{0, 3, 4 * cores},         // SQLite: two readers and the writer
		{5, 20, 5},                // set by the operator
	} {
		if got := gateSize(c.configured, c.conns); got != c.want {
			t.Errorf("gateSize(%d, %d) = %d, want %d", c.configured, c.conns, got, c.want)
		}
	}
}
