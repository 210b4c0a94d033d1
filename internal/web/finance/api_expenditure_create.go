package finance

import (
	"net/http"

	"dangjian/internal/finance"
	"dangjian/internal/web"
)

func (h *handlers) apiExpenditureCreate(w http.ResponseWriter, r *http.Request) error {
	var body finance.NewRequest
	if err := web.DecodeJSON(r, &body); err != nil {
		return err
	}
	req, err := h.Svc.Finance.CreateRequest(r.Context(), web.ActorOf(r), body)
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusCreated, req)
	return nil
}
