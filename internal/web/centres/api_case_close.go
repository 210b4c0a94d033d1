package centres

import (
	"net/http"

	"dangjian/internal/apperr"
	"dangjian/internal/centres"
	"dangjian/internal/web"
)

// caseCloseBody closes a case; agreement is required when outcome is agreed.
type caseCloseBody struct {
	ClosedOn  string `json:"closed_on"`
	Outcome   string `json:"outcome"`
	Agreement string `json:"agreement,omitempty"`
}

func (h *handlers) apiCaseClose(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	var b caseCloseBody
	if err := web.DecodeJSON(r, &b); err != nil {
		return err
	}
	f := apperr.Fields{}
	in := centres.Closing{ClosedOn: jsonDay(f, "closed_on", b.ClosedOn), Outcome: b.Outcome, Agreement: b.Agreement}
	if err := f.Err(); err != nil {
		return err
	}
	c, err := h.Svc.Centres.CloseCase(r.Context(), web.ActorOf(r), id, in)
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusOK, c)
	return nil
}
