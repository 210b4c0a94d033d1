package orglife

import (
	"net/http"

	"dangjian/internal/day"
	"dangjian/internal/orglife"
	"dangjian/internal/web"
)

// fundIncomeBody is the JSON body of money received into a town's fund.
type fundIncomeBody struct {
	TownID      int64  `json:"town_id"`
	AmountFen   int64  `json:"amount_fen"`
	OnDate      string `json:"on_date"`
	Description string `json:"description,omitempty"`
}

func (h *handlers) apiFundIncome(w http.ResponseWriter, r *http.Request) error {
	var body fundIncomeBody
	if err := web.DecodeJSON(r, &body); err != nil {
		return err
	}
	on, err := web.JSONDate("on_date", body.OnDate)
	if err != nil {
		return err
	}
	e, err := h.Svc.OrgLife.RecordFundIncome(r.Context(), web.ActorOf(r), orglife.NewIncome{TownID: body.TownID,
		Amount: orglife.Fen(body.AmountFen), OnDate: day.Of(on), Description: body.Description})
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusCreated, e)
	return nil
}
