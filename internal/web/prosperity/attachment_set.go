package prosperity

import (
	"net/http"

	"dangjian/internal/prosperity"
	"dangjian/internal/web"
)

// attachmentSet records what an industry party organisation of the town
// is set up in. The organisation comes as industry_org: org_id names the
// area a page of the programme is about.
func (h *handlers) attachmentSet(w http.ResponseWriter, r *http.Request) error {
	_, err := h.Svc.Prosper.Attach(r.Context(), web.ActorOf(r), web.QueryInt(r, "industry_org"),
		prosperity.AttachedKind(r.PostFormValue("kind")), r.PostFormValue("name"), web.QueryInt(r, "cooperative_id"))
	return h.FormDone(w, r, err, "industry_show", h.industryData, industriesURL(r), "flash.industry_attached")
}
