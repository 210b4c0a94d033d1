package centres

import (
	"net/http"

	"dangjian/internal/web"
)

// requestAdvance moves a request on with a note for the villager.
func (h *handlers) requestAdvance(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	_, err = h.Svc.Centres.Advance(r.Context(), web.ActorOf(r), id, r.PostFormValue("to"), r.PostFormValue("note"))
	return h.FormDone(w, r, err, "request", h.requestData, idPath("/requests/", id), "flash.request_advanced")
}
