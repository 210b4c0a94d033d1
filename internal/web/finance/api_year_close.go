package finance

import (
	"net/http"

	"dangjian/internal/web"
)

// yearBody names a village's year.
type yearBody struct {
	OrgID int64 `json:"org_id"`
	Year  int   `json:"year"`
}

func (h *handlers) apiYearClose(w http.ResponseWriter, r *http.Request) error {
	var body yearBody
	if err := web.DecodeJSON(r, &body); err != nil {
		return err
	}
	ye, err := h.Svc.Finance.CloseYear(r.Context(), web.ActorOf(r), body.OrgID, body.Year)
	return writeJSON(w, http.StatusOK, ye, err)
}
