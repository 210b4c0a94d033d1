package web_test

import (
	"net/url"
	"strconv"

	"dangjian/internal/db"
)

// Trainings belong to a village (village_id), not an organisation column
// the generic look-up knows: the walk takes one of a village in its
// subtree (w.at). The village picture answers for a village named in its
// query.
func init() {
	foreignIDs["trainings"] = func(w *walk) (int64, error) {
		return w.one(`SELECT t.id FROM trainings t JOIN orgs o ON o.id = t.village_id
			WHERE o.path >= $1 AND o.path < $2 ORDER BY t.id LIMIT 1`, w.at.Path, db.PathEnd(w.at.Path))
	}
	happyQuery["/api/v1/village-model"] = func(w *walk) (url.Values, error) {
		return url.Values{"village_id": {strconv.FormatInt(w.env.Town.Villages["海丹"].ID, 10)}}, nil
	}
}
