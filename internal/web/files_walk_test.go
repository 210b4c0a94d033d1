package web_test

import (
	"bytes"
	"context"
	"image"
	"image/jpeg"

	"dangjian/internal/day"
	"dangjian/internal/db"
	"dangjian/internal/files"
	"dangjian/internal/finance"
	"dangjian/internal/sites"
)

// The files records carry, for the walks: a receipt of an expenditure
// request of the place's village and a photo of a milestone of a site in
// the place, each made for the walk when the place has none.
func init() {
	upload := func() []files.Upload {
		var b bytes.Buffer
		jpeg.Encode(&b, image.NewGray(image.Rect(0, 0, 8, 8)), nil)
		u, _ := files.Prepare("photos", "receipt.jpg", b.Bytes())
		return []files.Upload{u}
	}
	// The records lie in the subtree or, at a group, in the village above it.
	in := ` JOIN orgs o ON o.id = x.org_id WHERE (o.path >= $1 AND o.path < $2 OR $1 LIKE o.path || '%')`
	foreignIDs["receipts"] = func(w *walk) (int64, error) {
		if id, err := w.one(`SELECT MIN(f.id) FROM files f JOIN finance_requests x ON x.id = f.owner_id`+in+
			` AND f.owner_kind = 'finance_request'`, w.at.Path, db.PathEnd(w.at.Path)); err == nil && id != 0 {
			return id, nil
		}
		village, err := w.one(`SELECT MAX(o.id) FROM orgs o WHERE o.type = 'general_branch' AND $1 LIKE o.path || '%'`, w.at.Path)
		if err != nil {
			return 0, err
		}
		r, err := w.env.Svc.Finance.CreateRequest(context.Background(), nil, finance.NewRequest{OrgID: village,
			Purpose: "购买灯泡", Payee: "五金店", Amount: 100, ExpenseCode: "514", Receipts: upload()})
		if err != nil || len(r.Receipts) == 0 {
			return 0, err
		}
		return r.Receipts[0].ID, nil
	}
	foreignIDs["site-photos"] = func(w *walk) (int64, error) {
		if id, err := w.one(`SELECT MIN(f.id) FROM files f JOIN site_milestones m ON m.id = f.owner_id JOIN sites x ON x.id = m.site_id`+in+
			` AND f.owner_kind = 'site_milestone'`, w.at.Path, db.PathEnd(w.at.Path)); err == nil && id != 0 {
			return id, nil
		}
		site, err := w.one(`SELECT MIN(x.id) FROM sites x`+in+` AND x.accepted_on IS NULL`, w.at.Path, db.PathEnd(w.at.Path))
		if err != nil {
			return 0, err
		}
		m, err := w.env.Svc.Sites.AddMilestone(context.Background(), nil, sites.NewMilestone{SiteID: site,
			OnDate: day.Today(w.env.Clock), Title: "现场照片", Photos: upload()})
		if err != nil || len(m.Photos) == 0 {
			return 0, err
		}
		return m.Photos[0].ID, nil
	}
}
