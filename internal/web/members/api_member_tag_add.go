package members

import (
	"net/http"

	"dangjian/internal/apperr"
	"dangjian/internal/members"
	"dangjian/internal/web"
)

// memberTagAddBody is the JSON body of a 三培养 tag to start.
type memberTagAddBody struct {
	Kind      string `json:"kind"`
	StartedOn string `json:"started_on"`
	Note      string `json:"note,omitempty"`
}

func (h *handlers) apiMemberTagAdd(w http.ResponseWriter, r *http.Request) error {
	var body memberTagAddBody
	return h.apiMemberAction(w, r, &body, func(id int64, f apperr.Fields) (any, error) {
		in := members.TagInput{Kind: members.TagKind(body.Kind), StartedOn: jsonDay(f, "started_on", body.StartedOn), Note: body.Note}
		if err := f.Err(); err != nil {
			return nil, err
		}
		return h.Svc.Members.AddTag(r.Context(), web.ActorOf(r), id, in)
	})
}
