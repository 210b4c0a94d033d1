package members

import (
	"net/http"

	"dangjian/internal/apperr"
	"dangjian/internal/web"
)

// memberMobileBody is the JSON body of a 流动党员 mark.
type memberMobileBody struct {
	Mobile bool   `json:"mobile"`
	On     string `json:"on"`
	Note   string `json:"note,omitempty"`
}

func (h *handlers) apiMemberMobile(w http.ResponseWriter, r *http.Request) error {
	var body memberMobileBody
	return h.apiMemberAction(w, r, &body, func(id int64, f apperr.Fields) (any, error) {
		on := jsonDay(f, "on", body.On)
		if err := f.Err(); err != nil {
			return nil, err
		}
		return h.Svc.Members.SetMobile(r.Context(), web.ActorOf(r), id, body.Mobile, on, body.Note)
	})
}
