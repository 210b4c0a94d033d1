package finance

import (
	"net/http"

	"dangjian/internal/web"
)

// expenditureReview is the supervision committee's review of a request.
func (h *handlers) expenditureReview(w http.ResponseWriter, r *http.Request) error {
	id, err := idOf(r)
	if err != nil {
		return err
	}
	_, err = h.Svc.Finance.ReviewRequest(r.Context(), web.ActorOf(r), id, r.PostFormValue("note"))
	return h.stepDone(w, r, id, err, "flash.finance_reviewed")
}
