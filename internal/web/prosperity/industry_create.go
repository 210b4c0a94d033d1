package prosperity

import (
	"net/http"

	"dangjian/internal/prosperity"
	"dangjian/internal/web"
)

// industryCreate registers an industry of the village (一村一品 or a
// specialty).
func (h *handlers) industryCreate(w http.ResponseWriter, r *http.Request) error {
	_, err := h.Svc.Prosper.AddIndustry(r.Context(), web.ActorOf(r), web.QueryInt(r, "village_id"), r.PostFormValue("name"),
		prosperity.IndustryKind(r.PostFormValue("kind")), r.PostFormValue("note"))
	return h.FormDone(w, r, err, "industry_show", h.industryData, industriesURL(r), "flash.industry_added")
}
