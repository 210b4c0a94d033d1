package members

import (
	"net/http"

	"dangjian/internal/apperr"
	"dangjian/internal/web"
)

// memberTagCloseBody is the JSON body of the end of a 三培养 tag.
type memberTagCloseBody struct {
	Achieved bool   `json:"achieved"`
	On       string `json:"on"`
}

func (h *handlers) apiMemberTagClose(w http.ResponseWriter, r *http.Request) error {
	tag, err := web.PathID(r, "tag")
	if err != nil {
		return err
	}
	var body memberTagCloseBody
	return h.apiMemberAction(w, r, &body, func(id int64, f apperr.Fields) (any, error) {
		on := jsonDay(f, "on", body.On)
		if err := f.Err(); err != nil {
			return nil, err
		}
		return h.Svc.Members.CloseTag(r.Context(), web.ActorOf(r), id, tag, body.Achieved, on)
	})
}
