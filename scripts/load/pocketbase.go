package main

import (
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
	build := exec.Command("go", "build", "-o", p.bin, ".")
	build.Dir = filepath.Join("scripts", "pocketbase")
	if out, err := build.CombinedOutput(); err != nil {
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
// serving the same rows.
func samePage(appURL, auth, baseURL string, pbSrv *server, pbPath string) {
	type side struct {
		name  string
		ids   []int64
		bytes int
	}
	sides := []side{{name: "application"}, {name: "bare server"}}
	sides[0].ids, sides[0].bytes = pageIDs(appURL, auth)
	sides[1].ids, sides[1].bytes = pageIDs(baseURL, "")
	if pbSrv != nil {
		s := side{name: "PocketBase"}
		s.ids, s.bytes = pageIDs(pbSrv.url+pbPath, "")
		sides = append(sides, s)
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

// pageIDs reads the member ids of one list page ({"items":[{"id":…}]}) and
// its size: numbers from the application and the bare server, PocketBase's
// record ids (the member id in 15 digits) from PocketBase.
func pageIDs(u, header string) ([]int64, int) {
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
	var page struct {
		Items []struct {
			ID json.RawMessage `json:"id"`
		} `json:"items"`
	}
	check(json.Unmarshal(body, &page))
	ids := make([]int64, len(page.Items))
	for i, it := range page.Items {
		n, err := strconv.ParseInt(strings.Trim(string(it.ID), `"`), 10, 64)
		if err != nil {
			fail(fmt.Sprintf("GET %s: item %d has id %s", u, i, it.ID))
		}
		ids[i] = n
	}
	return ids, len(body)
}
