package sites_test

import (
	"bytes"
	"fmt"
	"image"
	"image/jpeg"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"testing"

	"dangjian/internal/db"
	"dangjian/internal/testkit"
)

// A village leader records a milestone of 海丹's site with two photos
// from a phone; the site page shows them, the photos open for whoever
// may read the site and for nobody else, and a file that is not a photo
// is refused beside the field with nothing recorded.
func TestMilestonePhotos(t *testing.T) {
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		env := testkit.Start(t, d)
		haidan, haiga, admin := env.Login(t, "haidan"), env.Login(t, "haiga"), env.Login(t, "admin")
		site := siteID(t, env, "海丹村党总支")
		var big bytes.Buffer
		jpeg.Encode(&big, image.NewRGBA(image.Rect(0, 0, 3200, 2400)), nil)
		form := url.Values{"on_date": {"2026-11-25"}, "title": {"主体封顶"}}
		path := fmt.Sprintf("/sites/%d/milestones", site)
		count := func() (n int) {
			env.DB.QueryRow(`SELECT COUNT(*) FROM files WHERE owner_kind = 'site_milestone'`).Scan(&n)
			return n
		}
		before := count()

		resp := haidan.PostFiles(path, form, testkit.File{Field: "photos", Name: "屋顶.jpg", Data: big.Bytes()},
			testkit.File{Field: "photos", Name: "说明.txt", Data: []byte("不是照片")})
		if b := testkit.ReadBody(resp); resp.StatusCode != 400 || !bytes.Contains([]byte(b), []byte("文件“说明.txt”不是照片（JPEG、PNG）或 PDF。")) {
			t.Fatalf("a text file among the photos: %d %.300s", resp.StatusCode, b)
		}
		if count() != before {
			t.Fatal("a refused milestone left files behind")
		}

		resp = haidan.PostFiles(path, form, testkit.File{Field: "photos", Name: "屋顶.jpg", Data: big.Bytes()},
			testkit.File{Field: "photos", Name: "正面.jpg", Data: big.Bytes()})
		if resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("milestone with photos: %d %.300s", resp.StatusCode, testkit.ReadBody(resp))
		}
		page := haidan.GetBody(fmt.Sprintf("/sites/%d", site))
		ids := regexp.MustCompile(`<img src="/site-photos/(\d+)"`).FindAllStringSubmatch(page, -1)
		if len(ids) != 2 || count() != before+2 {
			t.Fatalf("%d photos shown, %d stored", len(ids), count()-before)
		}
		photo := "/site-photos/" + ids[0][1]
		for _, c := range []struct {
			who    *testkit.Client
			status int
		}{{haidan, 200}, {admin, 200}, {haiga, 404}, {env.NewClient(t), 303}} {
			resp := c.who.Get(photo)
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != c.status {
				t.Errorf("%s: status %d, want %d", photo, resp.StatusCode, c.status)
			}
			if c.status != 200 {
				continue
			}
			cfg, _, err := image.DecodeConfig(bytes.NewReader(body))
			if err != nil || cfg.Width != 1600 || resp.Header.Get("Content-Type") != "image/jpeg" || resp.Header.Get("X-Content-Type-Options") != "nosniff" {
				t.Errorf("photo %dx%d %q %v", cfg.Width, cfg.Height, resp.Header.Get("Content-Type"), err)
			}
			again := c.who.Do("GET", photo, "", "If-None-Match", resp.Header.Get("ETag"))
			again.Body.Close()
			if again.StatusCode != http.StatusNotModified {
				t.Errorf("asked again with its hash: %d", again.StatusCode)
			}
		}
		// The site's API names the photos of each milestone.
		testkit.Exchange{Path: fmt.Sprintf("/api/v1/sites/%d", site), Status: 200, Has: []string{`"name":"屋顶.jpg"`, `"content_type":"image/jpeg"`}}.Check(t, haidan)
	})
}
