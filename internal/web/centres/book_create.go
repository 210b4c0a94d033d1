package centres

import (
	"net/http"

	"dangjian/internal/web"
)

// bookCreate adds copies of a title to the 农家书屋, from the culture centre's page.
func (h *handlers) bookCreate(w http.ResponseWriter, r *http.Request) error {
	orgID := web.QueryInt(r, "org_id")
	_, err := h.Svc.Centres.AddBooks(r.Context(), web.ActorOf(r), orgID, r.PostFormValue("isbn"), r.PostFormValue("title"),
		int(web.QueryInt(r, "copies")))
	return h.centreFormDone(w, r, err, orgID, "culture", "flash.books_added")
}
