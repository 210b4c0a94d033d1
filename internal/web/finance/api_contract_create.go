package finance

import (
	"net/http"

	"dangjian/internal/finance"
	"dangjian/internal/web"
)

func (h *handlers) apiContractCreate(w http.ResponseWriter, r *http.Request) error {
	var body finance.NewContract
	if err := web.DecodeJSON(r, &body); err != nil {
		return err
	}
	c, err := h.Svc.Finance.AddContract(r.Context(), web.ActorOf(r), body)
	return writeJSON(w, http.StatusCreated, c, err)
}
