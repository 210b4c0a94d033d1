package centres

import (
	"net/http"

	"dangjian/internal/web"
)

// loanRenew renews a loan, from the culture centre's page.
func (h *handlers) loanRenew(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	loan, err := h.Svc.Centres.Renew(r.Context(), web.ActorOf(r), id)
	if err != nil {
		return h.centreFormDone(w, r, err, web.QueryInt(r, "org_id"), "culture", "")
	}
	return h.Redirect(w, r, idPath("/centres/", loan.OrgID, "/culture"), "flash.loan_renewed")
}
