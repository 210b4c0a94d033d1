package democracy

import (
	"net/http"

	"dangjian/internal/democracy"
	"dangjian/internal/web"
)

// feedbackList lists villagers' messages in scope, newest first, with
// moderation and reply forms.
func (h *handlers) feedbackList(w http.ResponseWriter, r *http.Request) error {
	data, err := h.feedbackData(r)
	if err != nil {
		return err
	}
	return h.Render(w, r, "feedback_list", data)
}

func (h *handlers) feedbackData(r *http.Request) (map[string]any, error) {
	f := democracy.FeedbackFilter{OrgID: web.QueryInt(r, "org_id"), Before: web.QueryInt(r, "before"), Limit: 50}
	list, err := h.Svc.Democracy.ListFeedback(r.Context(), web.ActorOf(r), f)
	if err != nil {
		return nil, err
	}
	return map[string]any{"Feedback": list, "Filter": f, "Next": web.Next(list, f.Limit, func(i int) int64 { return list[i].ID })}, nil
}

func (h *handlers) feedbackModerate(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	_, err = h.Svc.Democracy.ModerateFeedback(r.Context(), web.ActorOf(r), id, r.PostFormValue("show") == "1")
	return h.FormDone(w, r, err, "feedback_list", h.feedbackData, "/feedback", "flash.feedback_done")
}

func (h *handlers) feedbackReply(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id")
	if err != nil {
		return err
	}
	_, err = h.Svc.Democracy.ReplyFeedback(r.Context(), web.ActorOf(r), id, r.PostFormValue("reply"))
	return h.FormDone(w, r, err, "feedback_list", h.feedbackData, "/feedback", "flash.feedback_done")
}
