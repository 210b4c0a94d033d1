package sites

import (
	"net/http"

	"dangjian/internal/sites"
	"dangjian/internal/web"
)

// planBody is a town's construction plan; declared_fen is the total
// investment it declares, in 分.
type planBody struct {
	TownID      int64  `json:"town_id"`
	Year        int    `json:"year"`
	Title       string `json:"title"`
	DeclaredFen int64  `json:"declared_fen"`
}

func (h *handlers) apiPlanCreate(w http.ResponseWriter, r *http.Request) error {
	var body planBody
	if err := web.DecodeJSON(r, &body); err != nil {
		return err
	}
	p, err := h.Svc.Sites.CreatePlan(r.Context(), web.ActorOf(r), sites.NewPlan{TownID: body.TownID, Year: body.Year,
		Title: body.Title, Declared: sites.Fen(body.DeclaredFen)})
	if err != nil {
		return err
	}
	web.WriteJSON(w, http.StatusCreated, p)
	return nil
}
