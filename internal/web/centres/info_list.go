package centres

import (
	"net/http"

	"dangjian/internal/centres"
	"dangjian/internal/web"
)

// infoFilter reads the 民情信息 list's query, shared by page and API.
func (h *handlers) infoFilter(r *http.Request) centres.InfoFilter {
	return centres.InfoFilter{OrgID: web.QueryInt(r, "org_id"), Year: h.yearParam(r), Before: web.QueryInt(r, "before")}
}

// infoList is a year's 民情信息 with its analysis by category, village
// and month, and the form to add one for a village.
func (h *handlers) infoList(w http.ResponseWriter, r *http.Request) error {
	data, err := h.infoData(r)
	if err != nil {
		return err
	}
	return h.Render(w, r, "info_list", data)
}

func (h *handlers) infoData(r *http.Request) (map[string]any, error) {
	f := h.infoFilter(r)
	f.Limit = 50
	a := web.ActorOf(r)
	list, err := h.Svc.Centres.ListInfo(r.Context(), a, f)
	if err != nil {
		return nil, err
	}
	an, err := h.Svc.Centres.AnalyseInfo(r.Context(), a, f.OrgID, f.Year)
	if err != nil {
		return nil, err
	}
	return map[string]any{"Info": list, "Filter": f, "Analysis": an, "Categories": centres.InfoCategories,
		"Today": h.today(), "Next": web.Next(list, f.Limit, func(i int) int64 { return list[i].ID })}, nil
}
