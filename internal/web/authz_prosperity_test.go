package web_test

import (
	"net/url"
	"strconv"

	"dangjian/internal/db"
)

// Trainings belong to a village (village_id), not an organisation column
// the generic look-up knows: the walk takes one of a village in its
// subtree (w.at). The village picture answers for a village named in its
// query. Industries and cooperatives are a village's too; a village of
// the demo without one gets one for the walk.
func init() {
	foreignIDs["trainings"] = func(w *walk) (int64, error) {
		return w.one(`SELECT t.id FROM trainings t JOIN orgs o ON o.id = t.village_id
			WHERE o.path >= $1 AND o.path < $2 ORDER BY t.id LIMIT 1`, w.at.Path, db.PathEnd(w.at.Path))
	}
	happyQuery["/api/v1/village-model"] = func(w *walk) (url.Values, error) {
		return url.Values{"village_id": {strconv.FormatInt(w.env.Town.Villages["海丹"].ID, 10)}}, nil
	}
	industry := func(w *walk) (int64, error) {
		in := ` FROM industries x JOIN orgs o ON o.id = x.village_id WHERE o.path >= $1 AND o.path < $2 AND o.type = 'general_branch'`
		if n, err := w.one(`SELECT COUNT(*)`+in, w.at.Path, db.PathEnd(w.at.Path)); err != nil || n > 0 || w.at.Type != "general_branch" {
			if err != nil {
				return 0, err
			}
			return w.one(`SELECT x.id`+in+` ORDER BY x.id LIMIT 1`, w.at.Path, db.PathEnd(w.at.Path))
		}
		return w.one(`INSERT INTO industries(town_id, village_id, name, kind, note, created_at)
			VALUES ($1, $2, '核桃', 'one_product', '', $3) RETURNING id`, w.at.TownID, w.at.ID, w.env.Clock.Now())
	}
	foreignIDs["industries"] = industry
	foreignIDs["cooperatives"] = func(w *walk) (int64, error) {
		in := ` FROM cooperatives x JOIN orgs o ON o.id = x.village_id WHERE o.path >= $1 AND o.path < $2`
		if n, err := w.one(`SELECT COUNT(*)`+in, w.at.Path, db.PathEnd(w.at.Path)); err != nil || n > 0 || w.at.Type != "general_branch" {
			if err != nil {
				return 0, err
			}
			return w.one(`SELECT x.id`+in+` ORDER BY x.id LIMIT 1`, w.at.Path, db.PathEnd(w.at.Path))
		}
		ind, err := industry(w)
		if err != nil {
			return 0, err
		}
		return w.one(`INSERT INTO cooperatives(town_id, village_id, industry_id, name, created_at)
			VALUES ($1, $2, $3, $4, $5) RETURNING id`, w.at.TownID, w.at.ID, ind, w.at.ShortName+"核桃专业合作社", w.env.Clock.Now())
	}

	for k, v := range map[string]bodyCase{
		// An industry is registered in a village; a cooperative in the
		// path's industry is led by a branch; enrolment takes the
		// village's households; an attachment names the organisation.
		"POST /industries":                          {form: map[string]string{"village_id": "$org", "name": "天麻", "kind": "specialty"}},
		"POST /industries/{id}/cooperatives":        {form: map[string]string{"branch_id": "$branch", "name": "天麻种植专业合作社"}},
		"POST /cooperatives/{id}/members":           {form: map[string]string{"household_ids": "$household", "joined_on": "2026-11-20"}},
		"POST /industry-attachments":                {form: map[string]string{"industry_org": "$org", "kind": "enterprise", "name": "富源县大河煤矿"}},
		"POST /api/v1/industries":                   {json: `{"village_id": "$org", "name": "天麻", "kind": "specialty"}`},
		"POST /api/v1/industries/{id}/cooperatives": {json: `{"branch_id": "$branch", "name": "天麻种植专业合作社"}`},
		"POST /api/v1/cooperatives/{id}/members":    {json: `{"household_ids": ["$household"], "joined_on": "2026-11-20"}`},
		"POST /api/v1/industry-attachments":         {json: `{"org_id": "$org", "kind": "enterprise", "name": "富源县大河煤矿"}`},
	} {
		bodyFields[k] = v
	}
	// A town's industry organisations: org_id is decided like a record.
	listQuery["GET /api/v1/industry-orgs"] = map[string]int{"org_id": 404}
}
