package crashtest

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math"
	"net/http"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// load sends household registrations from several clients at once and
// keeps every one the server acknowledged (201 with an id).
type load struct {
	base, token string
	village     int64
	prefix      string // household codes are prefix-worker-n, unique in the town
	client      *http.Client

	attempts atomic.Int64
	mu       sync.Mutex
	acked    map[int64]string // household id → code
}

func newLoad(srv *server, token string, village int64, prefix string) *load {
	return &load{base: srv.base, token: token, village: village, prefix: prefix,
		client: &http.Client{Timeout: 20 * time.Second}, acked: map[int64]string{}}
}

// run keeps workers writing until ctx ends, calling onAck with the count
// after every acknowledged write. maxAttempts bounds the whole run.
func (l *load) run(ctx context.Context, workers, maxAttempts int, onAck func(acked int)) {
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for n := 0; ctx.Err() == nil && l.attempts.Add(1) <= int64(maxAttempts); n++ {
				code := fmt.Sprintf("%s-%02d-%04d", l.prefix, w, n)
				id, err := l.create(ctx, code)
				if err != nil {
					// The server is down or restarting: not acknowledged.
					// Back off a little rather than spin on a dead port.
					select {
					case <-ctx.Done():
					case <-time.After(20 * time.Millisecond):
					}
					continue
				}
				l.mu.Lock()
				l.acked[id] = code
				count := len(l.acked)
				l.mu.Unlock()
				onAck(count)
			}
		}()
	}
	wg.Wait()
}

func (l *load) create(ctx context.Context, code string) (int64, error) {
	body, _ := json.Marshal(map[string]any{"org_id": l.village, "code": code, "head_name": "测试户主", "address": "压力测试"})
	req, _ := http.NewRequestWithContext(ctx, "POST", l.base+"/api/v1/households", bytes.NewReader(body))
	req.Header.Set("Authorization", "Bearer "+l.token)
	req.Header.Set("Content-Type", "application/json")
	resp, err := l.client.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusCreated {
		return 0, fmt.Errorf("status %d", resp.StatusCode)
	}
	var h struct {
		ID   int64  `json:"id"`
		Code string `json:"code"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&h); err != nil {
		return 0, err // cut off mid-answer: not acknowledged
	}
	if h.ID == 0 {
		return 0, fmt.Errorf("no id in the answer")
	}
	return h.ID, nil
}

// ackedCopy is what the server acknowledged, to check after the crash.
func (l *load) ackedCopy() map[int64]string {
	l.mu.Lock()
	defer l.mu.Unlock()
	out := make(map[int64]string, len(l.acked))
	for id, code := range l.acked {
		out[id] = code
	}
	return out
}

// loadUntil runs l until acked writes reach n, then calls at (kill the
// server, take a backup, restart the database …) while the writers go
// on, and, when more is positive, keeps writing until more writes have
// been acknowledged after at returned, so the load surely spans the
// whole event. It fails when the run ends short.
func loadUntil(t *testing.T, l *load, workers, n int, at func(), more int) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 45*time.Second)
	defer cancel()
	var once sync.Once
	var target atomic.Int64 // acknowledged writes at which to stop; set once at has returned
	target.Store(math.MaxInt64)
	reached := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		l.run(ctx, workers, 20*(n+more)+200, func(acked int) {
			if acked >= n {
				once.Do(func() { close(reached) })
			}
			if int64(acked) >= target.Load() {
				cancel()
			}
		})
		close(finished)
	}()
	select {
	case <-reached:
	case <-finished:
		t.Fatalf("only %d writes acknowledged of the %d wanted before the event", len(l.ackedCopy()), n)
	}
	at()
	want := len(l.ackedCopy()) + more
	if more == 0 {
		cancel()
	} else {
		target.Store(int64(want))
	}
	<-finished
	if got := len(l.ackedCopy()); got < want {
		t.Fatalf("only %d writes acknowledged, wanted %d (%d after the event)", got, want, more)
	}
}

// checkAcked asks the (restarted) server for every acknowledged household
// and returns how many are missing or changed.
func checkAcked(t *testing.T, srv *server, token string, acked map[int64]string) (lost int) {
	t.Helper()
	client := &http.Client{Timeout: 10 * time.Second}
	for id, code := range acked {
		req, _ := http.NewRequest("GET", fmt.Sprintf("%s/api/v1/households/%d", srv.base, id), nil)
		req.Header.Set("Authorization", "Bearer "+token)
		resp, err := client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		var shown struct {
			Household struct {
				Code string `json:"code"`
			} `json:"household"`
		}
		err = json.NewDecoder(resp.Body).Decode(&shown)
		resp.Body.Close()
		if got := shown.Household.Code; resp.StatusCode != http.StatusOK || err != nil || got != code {
			t.Errorf("acknowledged household %d (%s) after the restart: status %d, code %q", id, code, resp.StatusCode, got)
			lost++
		}
	}
	return lost
}
