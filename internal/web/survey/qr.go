package survey

import (
	"html/template"
	"strconv"
	"strings"

	qrcode "github.com/skip2/go-qrcode"
)

// qrSVG draws content as a QR code in SVG, one square per dark module,
// drawn on the server so the slips print without scripts or images.
func qrSVG(content string) (template.HTML, error) {
	q, err := qrcode.New(content, qrcode.Medium)
	if err != nil {
		return "", err
	}
	bm := q.Bitmap()
	n := strconv.Itoa(len(bm))
	var b strings.Builder
	b.WriteString(`<svg xmlns="http://www.w3.org/2000/svg" class="qr" viewBox="0 0 ` + n + ` ` + n +
		`" shape-rendering="crispEdges" role="img" aria-hidden="true"><rect width="` + n + `" height="` + n +
		`" fill="#fff"/><path fill="#000" d="`)
	for y, row := range bm {
		for x, on := range row {
			if on {
				b.WriteString("M" + strconv.Itoa(x) + " " + strconv.Itoa(y) + "h1v1h-1z")
			}
		}
	}
	b.WriteString(`"/></svg>`)
	return template.HTML(b.String()), nil // built from numbers only
}
