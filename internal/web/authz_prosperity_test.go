package web_test

import (
	"net/url"
	"strconv"
)

// Trainings belong to a village (village_id), not an organisation column
// the generic look-up knows: the walk takes one of 海戛's. The village
// picture answers for a village named in its query.
func init() {
	foreignIDs["trainings"] = func(w *walk) (int64, error) {
		return w.one(`SELECT MIN(id) FROM trainings WHERE village_id = $1`, w.env.Town.Villages[foreignVillage].ID)
	}
	happyQuery["/api/v1/village-model"] = func(w *walk) (url.Values, error) {
		return url.Values{"village_id": {strconv.FormatInt(w.env.Town.Villages["海丹"].ID, 10)}}, nil
	}
}
