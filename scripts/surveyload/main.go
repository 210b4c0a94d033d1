// Command surveyload submits 10,000 one-time survey codes at once against
// a running dangjian server and checks that each was counted exactly once.
// It builds the server, loads the demo town into a fresh database (SQLite,
// or with -pg an empty PostgreSQL database), opens a survey of 海戛's 两委
// through the API, issues the codes, then sends every code -dup times over
// -c concurrent connections, each time rating every subject. Afterwards it
// reads the survey's counts and, once closed, its results: the answers
// counted must equal the codes, the refused the duplicates, and every
// subject must have exactly one rating per code.
//
//	go run ./scripts/surveyload                      # SQLite
//	go run ./scripts/surveyload -pg postgres://…/empty_db
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"dangjian/internal/auth"
	"dangjian/internal/db"
)

var (
	codes = flag.Int("codes", 10000, "codes to issue and answer")
	dup   = flag.Int("dup", 2, "times each code is sent (all but one must be refused)")
	conc  = flag.Int("c", 500, "concurrent connections")
	pgURL = flag.String("pg", "", "an empty PostgreSQL database to run on instead of SQLite")
)

// pgKey is the identifier key of a PostgreSQL run, which has no key file.
const pgKey = "73757276657920636f6465206c6f61642072756e206b6579206f6e6c79212121"

func main() {
	flag.Parse()
	dir, err := os.MkdirTemp("", "dangjian-surveyload-")
	check(err)
	defer os.RemoveAll(dir)
	app := filepath.Join(dir, "dangjian")
	run(nil, "go", "build", "-o", app, "./cmd/dangjian")
	dbURL, env := filepath.Join(dir, "load.db"), os.Environ()
	if *pgURL != "" {
		dbURL, env = *pgURL, append(env, "DANGJIAN_KEY="+pgKey)
	}
	run(env, app, "demo", "-db", dbURL)
	token, village := prepare(dbURL)
	port := freePort()
	srv := exec.Command(app, "serve", "-db", dbURL, "-addr", "127.0.0.1:"+port)
	srv.Env = env
	check(srv.Start())
	defer func() { srv.Process.Kill(); srv.Wait() }()
	base := "http://127.0.0.1:" + port
	waitUp(base)
	api := &client{base: base, token: token, http: &http.Client{Timeout: time.Minute}}

	// Open 海戛's survey of this year and issue the codes, a fifth to each group.
	var sheet struct {
		Survey struct {
			ID int64 `json:"id"`
		} `json:"survey"`
		Subjects []struct {
			ID int64 `json:"id"`
		} `json:"subjects"`
	}
	api.do("POST", "/api/v1/surveys", fmt.Sprintf(`{"org_id": %d, "year": %d}`, village, time.Now().Year()), 201, &sheet)
	id := strconv.FormatInt(sheet.Survey.ID, 10)
	groups := []string{"cadre", "party_rep", "npc_rep", "cppcc", "public"}
	var all []string
	t0 := time.Now()
	for i := 0; len(all) < *codes; i++ {
		n := min(1000, *codes-len(all))
		var is struct {
			Codes []string `json:"codes"`
		}
		api.do("POST", "/api/v1/surveys/"+id+"/codes", fmt.Sprintf(`{"group": %q, "count": %d}`, groups[i%len(groups)], n), 201, &is)
		all = append(all, is.Codes...)
	}
	fmt.Printf("issued %d codes in %v\n", len(all), time.Since(t0).Round(time.Millisecond))
	form := url.Values{}
	for k, s := range sheet.Subjects {
		form.Set("s"+strconv.FormatInt(s.ID, 10), []string{"satisfied", "basic", "dissatisfied"}[k%3])
	}
	body := form.Encode()

	// Every code dup times, in an order that puts the copies of one code
	// far apart and close together alike: the first copies all go first
	// in issue order, the second copies in reverse, so the middle codes
	// race their own copies.
	var jobs []string
	for d := 0; d < *dup; d++ {
		for i := range all {
			c := all[i]
			if d%2 == 1 {
				c = all[len(all)-1-i]
			}
			jobs = append(jobs, c)
		}
	}
	tr := &http.Transport{MaxIdleConns: *conc, MaxIdleConnsPerHost: *conc, MaxConnsPerHost: *conc,
		DialContext: (&net.Dialer{Timeout: 10 * time.Second}).DialContext}
	hc := &http.Client{Transport: tr, Timeout: 2 * time.Minute}
	var counted, refused, failed atomic.Int64
	perCode := make([]atomic.Int32, len(all))
	index := make(map[string]int, len(all))
	for i, c := range all {
		index[c] = i
	}
	lat := make([]time.Duration, len(jobs))
	next := atomic.Int64{}
	var wg sync.WaitGroup
	start := make(chan struct{})
	t0 = time.Now()
	for range *conc {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			for {
				j := int(next.Add(1) - 1)
				if j >= len(jobs) {
					return
				}
				c := jobs[j]
				t := time.Now()
				resp, err := hc.Post(base+"/survey/"+c, "application/x-www-form-urlencoded", strings.NewReader(body))
				if err != nil {
					failed.Add(1)
					fmt.Fprintln(os.Stderr, err)
					continue
				}
				page, _ := io.ReadAll(resp.Body)
				resp.Body.Close()
				lat[j] = time.Since(t)
				switch {
				case resp.StatusCode == 200 && bytes.Contains(page, []byte(`id="thanks"`)):
					counted.Add(1)
					perCode[index[c]].Add(1)
				case resp.StatusCode == 422 && bytes.Contains(page, []byte("调查码无效或已使用")):
					refused.Add(1)
				default:
					failed.Add(1)
					fmt.Fprintf(os.Stderr, "code %s: status %d\n", c, resp.StatusCode)
				}
			}
		}()
	}
	close(start)
	wg.Wait()
	took := time.Since(t0)
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	once, never, twice := 0, 0, 0
	for i := range perCode {
		switch perCode[i].Load() {
		case 0:
			never++
		case 1:
			once++
		default:
			twice++
		}
	}
	fmt.Printf("sent %d answers (%d codes × %d) over %d connections in %v: %.0f answers/s, p50 %v, p99 %v, max %v\n",
		len(jobs), len(all), *dup, *conc, took.Round(time.Millisecond), float64(len(jobs))/took.Seconds(),
		lat[len(lat)/2].Round(time.Millisecond), lat[len(lat)*99/100].Round(time.Millisecond), lat[len(lat)-1].Round(time.Millisecond))
	fmt.Printf("answers: counted %d, refused as used %d, failed %d\n", counted.Load(), refused.Load(), failed.Load())
	fmt.Printf("codes: counted once %d, never %d, more than once %d\n", once, never, twice)

	// What the server counted, and the results once closed.
	var got struct {
		Survey struct {
			Answered int `json:"answered"`
		} `json:"survey"`
	}
	api.do("GET", "/api/v1/surveys/"+id, "", 200, &got)
	api.do("POST", "/api/v1/surveys/"+id+"/close", "", 200, nil)
	var res struct {
		Subjects []struct {
			Name  string `json:"name"`
			Cells []struct {
				Satisfied, Basic, Dissatisfied int
			} `json:"cells"`
		} `json:"subjects"`
	}
	api.do("GET", "/api/v1/surveys/"+id+"/results", "", 200, &res)
	ok := got.Survey.Answered == len(all) && counted.Load() == int64(len(all)) && once == len(all) &&
		refused.Load() == int64(len(jobs)-len(all)) && failed.Load() == 0
	for _, s := range res.Subjects {
		n := 0
		for _, c := range s.Cells {
			n += c.Satisfied + c.Basic + c.Dissatisfied
		}
		if n != len(all) {
			ok = false
			fmt.Printf("subject %s has %d ratings, want %d\n", s.Name, n, len(all))
		}
	}
	fmt.Printf("server: %d answers counted; every one of %d subjects rated %d times: %v\n",
		got.Survey.Answered, len(res.Subjects), len(all), ok)
	if !ok {
		fmt.Println("FAIL: a code was not counted exactly once")
		os.Exit(1)
	}
	fmt.Println("PASS: each code counted exactly once")
}

// prepare mints an API token for the demo's town admin and finds 海戛.
func prepare(dbURL string) (token string, village int64) {
	d, err := db.Open(dbURL)
	check(err)
	defer d.Close()
	var uid int64
	check(d.QueryRow(`SELECT id FROM users WHERE username = 'admin'`).Scan(&uid))
	check(d.QueryRow(`SELECT id FROM orgs WHERE type = 'general_branch' AND short_name = '海戛'`).Scan(&village))
	token, err = auth.NewService(d, db.SystemClock{}).CreateAPIToken(context.Background(),
		&auth.Actor{UserID: uid, Username: "admin"}, "survey load run")
	check(err)
	return token, village
}

type client struct {
	base, token string
	http        *http.Client
}

func (c *client) do(method, path, body string, want int, out any) {
	req, err := http.NewRequest(method, c.base+path, strings.NewReader(body))
	check(err)
	req.Header.Set("Authorization", "Bearer "+c.token)
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := c.http.Do(req)
	check(err)
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != want {
		fail(fmt.Sprintf("%s %s: status %d: %.300s", method, path, resp.StatusCode, b))
	}
	if out != nil {
		check(json.Unmarshal(b, out))
	}
}

func waitUp(u string) {
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		if resp, err := http.Get(u + "/healthz"); err == nil {
			resp.Body.Close()
			if resp.StatusCode == 200 {
				return
			}
		}
		time.Sleep(5 * time.Millisecond) // polling a starting process
	}
	fail("server at " + u + " did not start")
}

func freePort() string {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	check(err)
	defer l.Close()
	return strconv.Itoa(l.Addr().(*net.TCPAddr).Port)
}

func run(env []string, name string, args ...string) {
	cmd := exec.Command(name, args...)
	cmd.Stdout, cmd.Stderr, cmd.Env = os.Stderr, os.Stderr, env
	check(cmd.Run())
}

func check(err error) {
	if err != nil {
		fail(err.Error())
	}
}

func fail(msg string) {
	fmt.Fprintln(os.Stderr, "surveyload:", msg)
	os.Exit(1)
}
