package finance_test

import (
	"bytes"
	"fmt"
	"image"
	"image/jpeg"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"dangjian/internal/db"
	"dangjian/internal/testkit"
)

// 海丹's leader requests a payment with a photo of the invoice and a
// scanned contract; the request's page shows both, the town's agent and
// the leader open them, 海戛's leader cannot, and the scan downloads
// instead of opening inside the site. The agent's voucher entered by hand
// carries its receipt the same way.
func TestRequestReceipts(t *testing.T) {
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		env := testkit.Start(t, d)
		haidan, kuaiji, haiga := env.Login(t, "haidan"), env.Login(t, "kuaiji"), env.Login(t, "haiga")
		var photo bytes.Buffer
		jpeg.Encode(&photo, image.NewRGBA(image.Rect(0, 0, 2000, 1500)), nil)
		scan := []byte("%PDF-1.4\n合同扫描件\n%%EOF\n")
		resp := haidan.PostFiles(fmt.Sprintf("/finance/expenditures?org_id=%d", env.Town.Villages["海丹"].ID),
			url.Values{"purpose": {"购买办公用品"}, "payee": {"大河镇文具店"}, "amount": {"860"}, "expense_account_code": {"514"}},
			testkit.File{Field: "receipts", Name: "发票.jpg", Data: photo.Bytes()}, testkit.File{Field: "receipts", Name: "合同.pdf", Data: scan})
		if resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("request with receipts: %d %.300s", resp.StatusCode, testkit.ReadBody(resp))
		}
		page := haidan.GetBody(resp.Header.Get("Location"))
		links := regexp.MustCompile(`href="(/finance/receipts/\d+)"`).FindAllStringSubmatch(page, -1)
		if len(links) != 2 || !strings.Contains(page, `id="request-receipts"`) || !strings.Contains(page, "合同.pdf") {
			t.Fatalf("%d receipts on the page", len(links))
		}
		img, pdf := links[0][1], links[1][1]
		for _, c := range []struct {
			who         *testkit.Client
			path        string
			status      int
			disposition string
		}{{haidan, img, 200, "inline"}, {kuaiji, pdf, 200, "attachment"}, {haiga, img, 404, ""}, {haiga, pdf, 404, ""}} {
			resp := c.who.Get(c.path)
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != c.status || !strings.HasPrefix(resp.Header.Get("Content-Disposition"), c.disposition) {
				t.Errorf("%s: %d %q", c.path, resp.StatusCode, resp.Header.Get("Content-Disposition"))
			}
			if c.path == pdf && c.status == 200 && !bytes.Equal(body, scan) {
				t.Error("the scan did not come back as it was sent")
			}
		}

		// A voucher entered by hand carries its own receipts.
		resp = kuaiji.PostFiles(fmt.Sprintf("/finance/vouchers?org_id=%d", env.Town.Villages["海丹"].ID),
			url.Values{"date": {"2026-11-20"}, "summary": {"购买灯泡"}, "code_0": {"513"}, "debit_0": {"12"}, "code_1": {"101"}, "credit_1": {"12"}},
			testkit.File{Field: "receipts", Name: "小票.jpg", Data: photo.Bytes()})
		if resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("voucher with a receipt: %d %.300s", resp.StatusCode, testkit.ReadBody(resp))
		}
		voucher := kuaiji.GetBody(resp.Header.Get("Location"))
		own := regexp.MustCompile(`<div id="voucher-receipts">.*?href="(/finance/receipts/\d+)"`).FindStringSubmatch(voucher)
		if own == nil {
			t.Fatal("the voucher's receipt is not on its page")
		}
		if resp := haiga.Get(own[1]); resp.StatusCode != 404 {
			t.Errorf("another village's leader opened a voucher's receipt: %d", resp.StatusCode)
		}
		if resp := haidan.Get(own[1]); resp.StatusCode != 200 {
			t.Errorf("the village's leader could not open its voucher's receipt: %d", resp.StatusCode)
		}
	})
}
