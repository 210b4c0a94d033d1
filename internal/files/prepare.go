package files

import (
	"bytes"
	"image"
	"image/jpeg"
	_ "image/png" // phones and scanners send PNG as well as JPEG
	"path/filepath"
	"strings"
	"unicode/utf8"

	"golang.org/x/image/draw"

	"dangjian/internal/apperr"
)

// Upload is a file checked and made ready to store.
type Upload struct {
	Name        string
	ContentType string
	Data        []byte
}

const (
	// MaxUpload bounds one file as sent: a phone's photo is 3–8 MB.
	MaxUpload = 16 << 20
	// maxPixels refuses images that would take more memory to decode than
	// an old PC can spare (a 50-megapixel image is 200 MB decoded).
	maxPixels = 50_000_000
	// maxSide is the long side images are stored at: enough to read a
	// receipt or see a building, and a tenth of a photo's size.
	maxSide = 1600
	// maxPDF bounds a scanned document, which is stored as it is.
	maxPDF = 8 << 20
)

// Prepare checks an upload by what its bytes are, not by its name:
// a JPEG or PNG image is stored as a JPEG at most maxSide pixels on its
// long side, which also drops what the camera wrote beside the picture
// (the place it was taken, the phone's make); a PDF is kept as it is;
// anything else is refused. field names the form field for the message.
func Prepare(field, name string, data []byte) (Upload, error) {
	name = cleanName(name)
	if len(data) == 0 {
		return Upload{}, apperr.Invalid(field, "file.empty", apperr.Params{"name": name})
	}
	if len(data) > MaxUpload {
		return Upload{}, apperr.Invalid(field, "file.too_large", apperr.Params{"name": name, "max_mb": MaxUpload >> 20})
	}
	switch sniff(data) {
	case "image/jpeg", "image/png":
		cfg, _, err := image.DecodeConfig(bytes.NewReader(data))
		if err != nil {
			return Upload{}, apperr.Invalid(field, "file.unreadable", apperr.Params{"name": name})
		}
		if mp := cfg.Width * cfg.Height; cfg.Width <= 0 || cfg.Height <= 0 || mp > maxPixels {
			return Upload{}, apperr.Invalid(field, "file.pixels", apperr.Params{"name": name, "mp": mp / 1_000_000, "max_mp": maxPixels / 1_000_000})
		}
		out, err := shrink(data)
		if err != nil {
			return Upload{}, apperr.Invalid(field, "file.unreadable", apperr.Params{"name": name})
		}
		return Upload{Name: strings.TrimSuffix(name, filepath.Ext(name)) + ".jpg", ContentType: "image/jpeg", Data: out}, nil
	case "application/pdf":
		if len(data) > maxPDF {
			return Upload{}, apperr.Invalid(field, "file.too_large", apperr.Params{"name": name, "max_mb": maxPDF >> 20})
		}
		return Upload{Name: name, ContentType: "application/pdf", Data: data}, nil
	}
	return Upload{}, apperr.Invalid(field, "file.type", apperr.Params{"name": name})
}

// shrink decodes an image whose size was checked and encodes it again as
// a JPEG no larger than maxSide on its long side.
func shrink(data []byte) ([]byte, error) {
	src, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	b := src.Bounds()
	w, h := b.Dx(), b.Dy()
	if long := max(w, h); long > maxSide {
		w, h = max(1, w*maxSide/long), max(1, h*maxSide/long)
	}
	dst := image.NewRGBA(image.Rect(0, 0, w, h))
	draw.Draw(dst, dst.Bounds(), image.White, image.Point{}, draw.Src) // a transparent PNG shows on white
	draw.BiLinear.Scale(dst, dst.Bounds(), src, b, draw.Over, nil)
	var out bytes.Buffer
	if err := jpeg.Encode(&out, dst, &jpeg.Options{Quality: 80}); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// cleanName keeps the last part of a file name as the browser sent it,
// without control characters, at most 100 characters.
func cleanName(name string) string {
	name = filepath.Base(strings.ReplaceAll(name, `\`, "/"))
	name = strings.Map(func(r rune) rune {
		if r < ' ' || r == 0x7f || r == utf8.RuneError {
			return -1
		}
		return r
	}, name)
	if r := []rune(name); len(r) > 100 {
		name = string(r[len(r)-100:])
	}
	if name == "" || name == "." || name == ".." || name == "/" {
		name = "file"
	}
	return name
}

// sniff names what the bytes are by how such files begin.
func sniff(data []byte) string {
	switch {
	case bytes.HasPrefix(data, []byte("\xff\xd8\xff")):
		return "image/jpeg"
	case bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")):
		return "image/png"
	case bytes.HasPrefix(data, []byte("%PDF-")):
		return "application/pdf"
	}
	return ""
}
