package centres

import (
	"net/http"

	"dangjian/internal/centres"
	"dangjian/internal/web"
)

// requestCreate files a request a villager makes at the office, from the
// 为民服务中心 page; the page that follows shows the code to hand over.
func (h *handlers) requestCreate(w http.ResponseWriter, r *http.Request) error {
	in := requestInput(r)
	q, code, err := h.Svc.Centres.FileAtOffice(r.Context(), web.ActorOf(r), in)
	if err != nil {
		return h.centreFormDone(w, r, err, in.OrgID, "service", "")
	}
	return h.Render(w, r, "request_filed", map[string]any{"Request": q, "Code": code, "Office": true})
}

// requestInput reads a filing form, the portal's and the office's.
func requestInput(r *http.Request) centres.NewRequest {
	return centres.NewRequest{OrgID: web.QueryInt(r, "org_id"), Kind: r.PostFormValue("kind"),
		Applicant: r.PostFormValue("applicant"), Phone: r.PostFormValue("phone"), Details: r.PostFormValue("details")}
}
