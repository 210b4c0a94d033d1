package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// pocketBase is the PocketBase server of the member list: its binary, its
// data directory holding the same members as the application's file, and
// the PocketBase version built in.
type pocketBase struct{ bin, dir, version string }

var (
	pb        *pocketBase // nil: the PocketBase column is skipped
	pbSkipped string      // why
)

// buildPocketBase builds scripts/pocketbase (a module of its own, whose
// dependencies may have to be downloaded) and copies the members of the
// application's file into a data directory of its own. When either step
// fails the PocketBase column is skipped and the run carries on.
func buildPocketBase(dir, dbPath string) *pocketBase {
	p := &pocketBase{bin: filepath.Join(dir, "pocketbase"), dir: filepath.Join(dir, "pb_data")}
	skip := func(why string, out []byte) *pocketBase {
		pbSkipped = why + ": " + lastLine(out)
		fmt.Printf("PocketBase column skipped: %s\n", pbSkipped)
		return nil
	}
	if out, err := buildStatic(filepath.Join("scripts", "pocketbase"), p.bin, "."); err != nil {
		return skip("go build in scripts/pocketbase failed ("+err.Error()+")", out)
	}
	out, err := exec.Command(p.bin, "-version").Output()
	if err != nil {
		return skip("no version", out)
	}
	p.version = strings.TrimSpace(string(out))
	out, err = exec.Command(p.bin, "-dir", p.dir, "-import", dbPath).CombinedOutput()
	if err != nil {
		return skip("import failed ("+err.Error()+")", out)
	}
	fmt.Printf("PocketBase %s: %s\n", p.version, lastLine(out))
	return p
}

func lastLine(out []byte) string {
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	return lines[len(lines)-1]
}

// samePage fetches the first page of the branch from the application,
// the bare server and PocketBase (when it runs) and stops the run unless
// all hold the same member ids in the same order: the three are measured
// serving the same rows. The bare server mirrors the application's JSON,
// so their items must be the very same bytes.
func samePage(appURL, auth, baseURL string, pbSrv *server, pbPath string) {
	type side struct {
		name  string
		ids   []int64
		bytes int
		items []byte
	}
	sides := []side{{name: "application"}, {name: "bare server"}}
	sides[0].ids, sides[0].bytes, sides[0].items = pageIDs(appURL, auth)
	sides[1].ids, sides[1].bytes, sides[1].items = pageIDs(baseURL, "")
	if pbSrv != nil {
		s := side{name: "PocketBase"}
		s.ids, s.bytes, _ = pageIDs(pbSrv.url+pbPath, "")
		sides = append(sides, s)
	}
	if a, b := sides[0].items, sides[1].items; !bytes.Equal(a, b) {
		i := 0
		for i < len(a) && i < len(b) && a[i] == b[i] {
			i++
		}
		from := max(0, i-80)
		fail(fmt.Sprintf("the bare server's items differ from the application's at byte %d:\napplication …%s\nbare server …%s",
			i, a[from:min(len(a), i+80)], b[from:min(len(b), i+80)]))
	}
	app := sides[0].ids
	if len(app) == 0 {
		fail("the application's first page of the branch is empty: " + appURL)
	}
	sizes := make([]string, len(sides))
	for i, s := range sides {
		if !slices.Equal(s.ids, app) {
			fail(fmt.Sprintf("the first page of the branch differs:\napplication %v\n%s %v", app, s.name, s.ids))
		}
		sizes[i] = fmt.Sprintf("%s %d", s.name, s.bytes)
	}
	fmt.Printf("\nsame first page on all %d: %d members, ids %d … %d; bytes: %s\n",
		len(sides), len(app), app[0], app[len(app)-1], strings.Join(sizes, ", "))
}

// pageIDs reads the member ids of one list page ({"items":[{"id":…}]}),
// its size and its items as sent: numbers from the application and the
// bare server, PocketBase's record ids (the member id in 15 digits) from
// PocketBase.
func pageIDs(u, header string) ([]int64, int, []byte) {
	req, _ := http.NewRequest("GET", u, nil)
	if name, value, ok := strings.Cut(header, ": "); ok {
		req.Header.Set(name, value)
	}
	resp, err := http.DefaultClient.Do(req)
	check(err)
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	check(err)
	if resp.StatusCode != 200 {
		fail(fmt.Sprintf("GET %s: %d\n%s", u, resp.StatusCode, body))
	}
	var raw struct {
		Items json.RawMessage `json:"items"`
	}
	check(json.Unmarshal(body, &raw))
	var items []struct {
		ID json.RawMessage `json:"id"`
	}
	check(json.Unmarshal(raw.Items, &items))
	ids := make([]int64, len(items))
	for i, it := range items {
		n, err := strconv.ParseInt(strings.Trim(string(it.ID), `"`), 10, 64)
		if err != nil {
			fail(fmt.Sprintf("GET %s: item %d has id %s", u, i, it.ID))
		}
		ids[i] = n
	}
	return ids, len(body), raw.Items
}
