package orglife

import (
	"net/http"
	"strconv"
	"strings"

	"dangjian/internal/apperr"
	"dangjian/internal/orglife"
	"dangjian/internal/web"
)

// evaluationRecord records the branch's 民主评议 from the form: one
// grade_<member id> per member (empty for a 预备党员).
func (h *handlers) evaluationRecord(w http.ResponseWriter, r *http.Request) error {
	f := apperr.Fields{}
	in := orglife.NewEvaluation{OrgID: web.QueryInt(r, "org_id"), Year: int(web.QueryInt(r, "year")), HeldOn: web.FormDay(r, "held_on", f)}
	for key, vals := range r.PostForm {
		id, err := strconv.ParseInt(strings.TrimPrefix(key, "grade_"), 10, 64)
		if !strings.HasPrefix(key, "grade_") || err != nil || len(vals) == 0 {
			continue
		}
		in.Grades = append(in.Grades, orglife.GradeInput{MemberID: id, Grade: orglife.Grade(vals[0])})
	}
	err := f.Err()
	if err == nil {
		_, err = h.Svc.OrgLife.RecordEvaluation(r.Context(), web.ActorOf(r), in)
	}
	return h.FormDone(w, r, err, "evaluation_show", func(r *http.Request) (map[string]any, error) {
		return h.evaluationData(r, in.OrgID, in.Year)
	}, "/evaluations?org_id="+strconv.FormatInt(in.OrgID, 10)+"&year="+strconv.Itoa(in.Year), "flash.evaluation_recorded")
}
