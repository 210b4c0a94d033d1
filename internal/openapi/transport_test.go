package openapi

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func TestTransportChecksAPIResponsesAndKeepsTheBody(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/api/v1/members/1":
			fmt.Fprint(w, string(marshal(t, sampleMember())))
		case "/api/v1/members/2":
			fmt.Fprint(w, `{"id": "two"}`)
		case "/api/v1/members/board":
			w.WriteHeader(http.StatusTeapot)
			fmt.Fprint(w, `teapot`)
		default: // pages, and API paths that do not exist
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	var reported []string
	client := &http.Client{Transport: &Transport{Validator: sampleValidator(t), Prefix: "/api/",
		Report: func(err error) { reported = append(reported, err.Error()) }}}
	get := func(path string) string {
		resp, err := client.Get(srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, err := io.ReadAll(resp.Body)
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	if body := get("/api/v1/members/1"); !strings.Contains(body, `"name":"张三"`) {
		t.Errorf("the body did not reach the client whole: %.80s", body)
	}
	get("/api/v1/members/2")
	get("/api/v1/members/board")
	get("/api/v1/nothing") // the mux's 404: not reported
	get("/members/2")      // not under the prefix
	if len(reported) != 2 || !strings.Contains(reported[0], "/api/v1/members/2 → 200") ||
		!strings.Contains(reported[1], "/api/v1/members/board → 418: body is not JSON") {
		t.Errorf("reported %q", reported)
	}
}
