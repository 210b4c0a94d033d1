package centres

import (
	"net/http"

	"dangjian/internal/web"
)

// entryShow is one person on a register: the next visit and whether it
// is due, the visits made and the help given (the read is logged).
func (h *handlers) entryShow(w http.ResponseWriter, r *http.Request) error {
	data, err := h.entryData(r)
	if err != nil {
		return err
	}
	return h.Render(w, r, "entry", data)
}

func (h *handlers) entryData(r *http.Request) (map[string]any, error) {
	id, err := web.PathID(r, "id")
	if err != nil {
		return nil, err
	}
	e, err := h.Svc.Centres.GetEntry(r.Context(), web.ActorOf(r), id)
	if err != nil {
		return nil, err
	}
	helped := int64(0)
	for _, v := range e.Visits {
		helped += v.HelpFen
	}
	return map[string]any{"Entry": e, "Helped": yuan(helped), "Today": h.today()}, nil
}
