package survey

import (
	"net/http"

	"dangjian/internal/apperr"
	"dangjian/internal/survey"
	"dangjian/internal/web"
)

// slip is one printed code with the QR code of its address.
type slip struct {
	Code string
	URL  string
	QR   any
}

// codeIssue makes one-time codes for a group and shows them at once as
// slips to print: the server keeps only their hashes, so this page is
// the only time they can be seen. Reloading it issues none again (the
// browser asks before sending a form twice) and a lost page is replaced
// by issuing more.
func (h *handlers) codeIssue(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	f := apperr.Fields{}
	n := web.FormInt(r, "count", f)
	var is survey.Issued
	err = f.Err()
	if err == nil {
		is, err = h.Svc.Survey.IssueCodes(r.Context(), web.ActorOf(r), id, survey.Group(r.PostFormValue("group")), n)
	}
	if err != nil {
		return h.FormDone(w, r, err, "survey_show", h.surveyShowData, "", "")
	}
	slips := make([]slip, len(is.Codes))
	for i, c := range is.Codes {
		u := h.answerURL(r, c)
		qr, err := qrSVG(u)
		if err != nil {
			return err
		}
		slips[i] = slip{Code: survey.FormatCode(c), URL: u, QR: qr}
	}
	w.Header().Set("Cache-Control", "no-store")
	return h.Render(w, r, "survey_slips", map[string]any{"Issued": is, "Slips": slips,
		"Group": string(is.Group), "Start": h.answerURL(r, "")})
}
