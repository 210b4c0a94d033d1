package files

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"strings"
	"testing"

	"dangjian/internal/apperr"
)

// photo is a JPEG of w×h with an Exif segment naming where it was taken,
// as a phone writes it.
func photo(t *testing.T, w, h int) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for x := 0; x < w; x += 7 {
		img.Set(x, h/2, color.RGBA{200, 30, 30, 255})
	}
	var b bytes.Buffer
	if err := jpeg.Encode(&b, img, nil); err != nil {
		t.Fatal(err)
	}
	exif := append([]byte("Exif\x00\x00"), []byte("GPSLatitude 25.67 GPSLongitude 104.25")...)
	seg := []byte{0xff, 0xe1, 0, 0}
	binary.BigEndian.PutUint16(seg[2:], uint16(len(exif)+2))
	out := append([]byte{}, b.Bytes()[:2]...) // SOI, then the Exif segment, then the rest
	out = append(append(out, seg...), exif...)
	return append(out, b.Bytes()[2:]...)
}

func TestPrepareShrinksPhotosAndDropsWhereTheyWereTaken(t *testing.T) {
	raw := photo(t, 4000, 3000)
	u, err := Prepare("photos", `C:\Users\村委\DCIM\IMG_0001.JPG`, raw)
	if err != nil {
		t.Fatal(err)
	}
	cfg, format, err := image.DecodeConfig(bytes.NewReader(u.Data))
	if err != nil || format != "jpeg" || cfg.Width != 1600 || cfg.Height != 1200 {
		t.Fatalf("stored %s %dx%d (%v)", format, cfg.Width, cfg.Height, err)
	}
	if bytes.Contains(u.Data, []byte("GPS")) || bytes.Contains(u.Data, []byte("Exif")) {
		t.Fatal("the stored photo still says where it was taken")
	}
	if u.Name != "IMG_0001.jpg" || u.ContentType != "image/jpeg" || len(u.Data) >= len(raw) {
		t.Fatalf("name %q type %q, %d bytes from %d", u.Name, u.ContentType, len(u.Data), len(raw))
	}

	// A small PNG keeps its size and becomes a JPEG.
	var p bytes.Buffer
	png.Encode(&p, image.NewNRGBA(image.Rect(0, 0, 300, 500)))
	u, err = Prepare("photos", "收据.png", p.Bytes())
	if cfg, _, _ := image.DecodeConfig(bytes.NewReader(u.Data)); err != nil || cfg.Width != 300 || cfg.Height != 500 || u.Name != "收据.jpg" {
		t.Fatalf("png: %+v %dx%d %v", u.Name, cfg.Width, cfg.Height, err)
	}
	// A PDF is kept byte for byte.
	pdf := []byte("%PDF-1.4\n% scanned receipt\n")
	if u, err := Prepare("photos", "scan.pdf", pdf); err != nil || !bytes.Equal(u.Data, pdf) || u.ContentType != "application/pdf" {
		t.Fatalf("pdf: %+v %v", u.ContentType, err)
	}
}

func TestPrepareRefuses(t *testing.T) {
	// A PNG header that claims 100,000 × 100,000 pixels: 40 GB decoded.
	var bomb bytes.Buffer
	png.Encode(&bomb, image.NewGray(image.Rect(0, 0, 1, 1)))
	b := bomb.Bytes()
	binary.BigEndian.PutUint32(b[16:], 100_000)
	binary.BigEndian.PutUint32(b[20:], 100_000)
	binary.BigEndian.PutUint32(b[29:], crc32.ChecksumIEEE(b[12:29])) // the header's checksum, so only its size is wrong
	for _, c := range []struct {
		name string
		data []byte
		key  string
	}{
		{"empty.jpg", nil, "file.empty"},
		{"notes.jpg", []byte("这不是照片"), "file.type"},
		{"page.html", []byte("<html><script>alert(1)</script>"), "file.type"},
		{"broken.jpg", []byte("\xff\xd8\xff\xe0 truncated"), "file.unreadable"},
		{"bomb.png", b, "file.pixels"},
		{"huge.jpg", append([]byte("\xff\xd8\xff"), make([]byte, MaxUpload)...), "file.too_large"},
		{"huge.pdf", append([]byte("%PDF-"), make([]byte, maxPDF)...), "file.too_large"},
	} {
		_, err := Prepare("photos", c.name, c.data)
		e := apperr.As(err)
		if e == nil || e.Fields["photos"].Key != c.key {
			t.Errorf("%s: %v, want %s", c.name, err, c.key)
		}
	}
}

func TestCleanName(t *testing.T) {
	for in, want := range map[string]string{
		"../../etc/passwd": "passwd", `C:\a\b.jpg`: "b.jpg", "a\x00b\nc.jpg": "abc.jpg", "": "file", "..": "file",
		strings.Repeat("长", 150) + ".jpg": strings.Repeat("长", 96) + ".jpg",
	} {
		if got := cleanName(in); got != want {
			t.Errorf("cleanName(%q) = %q, want %q", in, got, want)
		}
	}
}
