package web_test

import (
	"context"
	"fmt"
	"net/http/httptest"
	"testing"

	"dangjian/internal/testkit"
)

// BenchmarkMemberList serves the member list API (50 rows of one branch)
// through the whole handler chain in process, with a bearer token, for
// profiling the list's per-request cost; the load run measures it over
// HTTP against a bare server.
//
//	go test -run '^$' -bench MemberList -benchtime 5000x -cpuprofile cpu.out ./internal/web/
func BenchmarkMemberList(b *testing.B) {
	env := testkit.Start(b, testkit.SQLite(b))
	token, err := env.Svc.Auth.CreateAPIToken(context.Background(), env.ActorFor(b, "admin"), "bench")
	if err != nil {
		b.Fatal(err)
	}
	h := env.Web.Handler()
	path := fmt.Sprintf("/api/v1/members?org_id=%d&limit=50", env.Town.Groups["民家一组"].ID)
	b.ReportAllocs()
	for b.Loop() {
		r := httptest.NewRequest("GET", path, nil)
		r.Header.Set("Authorization", "Bearer "+token)
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		if w.Code != 200 {
			b.Fatal(w.Code, w.Body.String())
		}
	}
}
