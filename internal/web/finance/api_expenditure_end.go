package finance

import (
	"net/http"

	"dangjian/internal/finance"
	"dangjian/internal/web"
)

func (h *handlers) apiExpenditureReject(w http.ResponseWriter, r *http.Request) error {
	id, err := idOf(r)
	if err != nil {
		return err
	}
	note, err := readNote(r)
	if err != nil {
		return err
	}
	return h.writeRequest(w)(h.Svc.Finance.RejectRequest(r.Context(), web.ActorOf(r), id, note))
}

func (h *handlers) apiExpenditureWithdraw(w http.ResponseWriter, r *http.Request) error {
	id, err := idOf(r)
	if err != nil {
		return err
	}
	note, err := readNote(r)
	if err != nil {
		return err
	}
	return h.writeRequest(w)(h.Svc.Finance.WithdrawRequest(r.Context(), web.ActorOf(r), id, note))
}

// writeRequest writes a request a step returned, or its error.
func (h *handlers) writeRequest(w http.ResponseWriter) func(finance.Request, error) error {
	return func(req finance.Request, err error) error {
		if err != nil {
			return err
		}
		web.WriteJSON(w, http.StatusOK, req)
		return nil
	}
}
