package survey_test

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"

	"dangjian/internal/apperr"
	"dangjian/internal/auth"
	"dangjian/internal/day"
	"dangjian/internal/db"
	"dangjian/internal/members/memberstest"
	"dangjian/internal/org"
	"dangjian/internal/survey"
	"dangjian/internal/testkit"
	"dangjian/internal/testkit/want"
)

type world struct {
	*memberstest.World
	svc        *survey.Service
	supervisor *auth.Actor
}

// newWorld is the small town with 海丹's 两委: a secretary who is also
// the director (一肩挑), a deputy secretary and a women's director.
func newWorld(t *testing.T, d *db.DB) *world {
	w := memberstest.NewWorld(t, d, testkit.Clock(), testkit.Key)
	os := &org.Service{DB: d, Clock: w.Clock}
	posts, err := os.Posts(w.Ctx, nil, w.Haidan.ID)
	want.OK(t, err)
	holders := map[string]string{"secretary": "王海丹", "director": "王海丹", "deputy_secretary": "李副书", "women_director": "张妇女"}
	for _, p := range posts {
		if name, ok := holders[p.Code]; ok {
			_, err := os.Assign(w.Ctx, nil, org.Assignment{PostID: p.ID, HolderName: name, StartedOn: day.Of(w.Today()).AddMonths(-24)})
			want.OK(t, err)
		}
	}
	return &world{World: w, svc: survey.NewService(d, w.Clock, os),
		supervisor: w.Actor("jiandu", auth.RoleSupervisor, w.Haidan)}
}

func TestOpenSurvey(t *testing.T) {
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		w := newWorld(t, d)
		_, err := w.svc.Open(w.Ctx, w.HaidanLeader, survey.NewSurvey{OrgID: w.Haidan.ID, Year: 2026})
		want.Kind(t, err, apperr.KindNotFound) // a village leader is surveyed, not surveying
		_, err = w.svc.Open(w.Ctx, w.supervisor, survey.NewSurvey{OrgID: w.Haidan.ID, Year: 2026})
		want.Kind(t, err, apperr.KindForbidden)
		_, err = w.svc.Open(w.Ctx, w.Admin, survey.NewSurvey{OrgID: w.HD1.ID, Year: 2026})
		want.Rule(t, err, "survey.village_only")
		_, err = w.svc.Open(w.Ctx, w.Admin, survey.NewSurvey{OrgID: w.Haiga.ID, Year: 2026})
		want.Rule(t, err, "survey.no_committee")
		_, err = w.svc.Open(w.Ctx, w.Admin, survey.NewSurvey{OrgID: w.Haidan.ID, Year: 2026,
			Weights: map[survey.Group]int{survey.GroupPublic: 50, survey.GroupCadre: 30}})
		want.Rule(t, err, "survey.weights")
		_, err = w.svc.Open(w.Ctx, w.Admin, survey.NewSurvey{OrgID: w.Haidan.ID, Year: 2027})
		want.Field(t, err, "year", "survey.year_range")

		sh, err := w.svc.Open(w.Ctx, w.Admin, survey.NewSurvey{OrgID: w.Haidan.ID, Year: 2026})
		want.OK(t, err)
		if len(sh.Subjects) != 4 || sh.Subjects[0].Kind != survey.SubjectTeam || sh.Subjects[1].Name != "王海丹" ||
			len(sh.Subjects[1].Posts) != 2 {
			t.Fatalf("subjects = %+v (the team, then each person once with every post)", sh.Subjects)
		}
		if len(sh.Groups) != 5 || sh.Survey.Threshold != survey.DefaultThreshold {
			t.Fatalf("groups = %+v", sh.Groups)
		}
		_, err = w.svc.Open(w.Ctx, w.Admin, survey.NewSurvey{OrgID: w.Haidan.ID, Year: 2026})
		want.Kind(t, err, apperr.KindConflict)

		list, err := w.svc.List(w.Ctx, w.supervisor, survey.Filter{})
		want.OK(t, err)
		if len(list) != 1 || list[0].ID != sh.Survey.ID {
			t.Fatalf("list = %+v", list)
		}
		none, err := w.svc.List(w.Ctx, w.HaigaLeader, survey.Filter{})
		want.OK(t, err)
		if len(none) != 0 {
			t.Fatal("a village leader lists surveys")
		}
		_, err = w.svc.Get(w.Ctx, w.HaigaLeader, sh.Survey.ID)
		want.Kind(t, err, apperr.KindNotFound)
		_, err = w.svc.Get(w.Ctx, w.HaigaLeader, 999999)
		want.Kind(t, err, apperr.KindNotFound)
	})
}

// rate answers with code c: every subject gets r.
func rate(w *world, sh survey.Sheet, c string, r survey.Rating) error {
	ratings := map[int64]survey.Rating{}
	for _, s := range sh.Subjects {
		ratings[s.ID] = r
	}
	return w.svc.Answer(context.Background(), c, ratings)
}

func TestAnswerByCode(t *testing.T) {
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		w := newWorld(t, d)
		sh, err := w.svc.Open(w.Ctx, w.Admin, survey.NewSurvey{OrgID: w.Haidan.ID, Year: 2026})
		want.OK(t, err)
		_, err = w.svc.IssueCodes(w.Ctx, w.Admin, sh.Survey.ID, survey.GroupPublic, survey.MaxCodesPerIssue+1)
		want.Field(t, err, "count", "survey.count_range")
		_, err = w.svc.IssueCodes(w.Ctx, w.supervisor, sh.Survey.ID, survey.GroupPublic, 3)
		want.Kind(t, err, apperr.KindForbidden)
		is, err := w.svc.IssueCodes(w.Ctx, w.Admin, sh.Survey.ID, survey.GroupPublic, 3)
		want.OK(t, err)
		if len(is.Codes) != 3 || len(is.Codes[0]) != survey.CodeLength {
			t.Fatalf("codes = %v", is.Codes)
		}
		// Nothing of the code itself is stored.
		var n int
		want.OK(t, d.QueryRow(`SELECT COUNT(*) FROM survey_codes WHERE code_hash = $1`, is.Codes[0]).Scan(&n))
		if n != 0 {
			t.Fatal("a code is stored as typed")
		}

		// A code opens its ballot, typed in any case with hyphens.
		b, err := w.svc.Ballot(w.Ctx, " "+survey.FormatCode(is.Codes[0])+" ")
		want.OK(t, err)
		if b.Group != survey.GroupPublic || len(b.Subjects) != 4 {
			t.Fatalf("ballot = %+v", b)
		}
		_, err = w.svc.Ballot(w.Ctx, "ABCD-EFGH-JKMN")
		want.Rule(t, err, "survey.code_invalid")

		// Every subject must be rated; a refused answer keeps the code.
		err = w.svc.Answer(w.Ctx, is.Codes[0], map[int64]survey.Rating{sh.Subjects[0].ID: survey.Satisfied})
		want.Rule(t, err, "survey.rate_all")
		want.OK(t, rate(w, sh, is.Codes[0], survey.Satisfied))
		// Used once: the second answer with the same code is refused.
		want.Rule(t, rate(w, sh, is.Codes[0], survey.Dissatisfied), "survey.code_invalid")
		_, err = w.svc.Ballot(w.Ctx, is.Codes[0])
		want.Rule(t, err, "survey.code_invalid")

		got, err := w.svc.Get(w.Ctx, w.Admin, sh.Survey.ID)
		want.OK(t, err)
		if got.Survey.Answered != 1 || got.Survey.Issued != 3 {
			t.Fatalf("survey = %+v", got.Survey)
		}
		// While open, no results: one result read between two answers
		// would tell what the second said.
		_, err = w.svc.Results(w.Ctx, w.Admin, sh.Survey.ID)
		want.Rule(t, err, "survey.results_after_close")

		// Closing withdraws unused codes.
		_, err = w.svc.Close(w.Ctx, w.Admin, sh.Survey.ID, day.Day{})
		want.OK(t, err)
		want.Rule(t, rate(w, sh, is.Codes[1], survey.Satisfied), "survey.code_invalid")
		_, err = w.svc.IssueCodes(w.Ctx, w.Admin, sh.Survey.ID, survey.GroupPublic, 3)
		want.Rule(t, err, "survey.closed")
		_, err = w.svc.Close(w.Ctx, w.Admin, sh.Survey.ID, day.Day{})
		want.Kind(t, err, apperr.KindConflict)
	})
}

// TestCodeUsedOnceUnderConcurrency sends the same code from many
// goroutines at once, for several codes: exactly one answer per code is
// counted, on both databases.
func TestCodeUsedOnceUnderConcurrency(t *testing.T) {
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		w := newWorld(t, d)
		sh, err := w.svc.Open(w.Ctx, w.Admin, survey.NewSurvey{OrgID: w.Haidan.ID, Year: 2026})
		want.OK(t, err)
		const codes, senders = 20, 16
		is, err := w.svc.IssueCodes(w.Ctx, w.Admin, sh.Survey.ID, survey.GroupCadre, codes)
		want.OK(t, err)
		var counted, refused atomic.Int64
		var wg sync.WaitGroup
		start := make(chan struct{})
		for _, c := range is.Codes {
			for range senders {
				wg.Add(1)
				go func() {
					defer wg.Done()
					<-start
					switch err := rate(w, sh, c, survey.Basic); {
					case err == nil:
						counted.Add(1)
					case apperr.As(err) != nil && apperr.As(err).Rule == "survey.code_invalid":
						refused.Add(1)
					default:
						t.Error(err)
					}
				}()
			}
		}
		close(start)
		wg.Wait()
		if counted.Load() != codes || refused.Load() != codes*(senders-1) {
			t.Fatalf("counted %d, refused %d; want %d and %d", counted.Load(), refused.Load(), codes, codes*(senders-1))
		}
		var answered, tally int
		want.OK(t, d.QueryRow(`SELECT SUM(c.n) FROM survey_answer_counts c JOIN survey_groups g ON g.id = c.group_id WHERE g.survey_id = $1 AND g.code = 'cadre'`, sh.Survey.ID).Scan(&answered))
		want.OK(t, d.QueryRow(`SELECT SUM(n) FROM survey_tallies WHERE subject_id = $1 AND rating = 'basic'`, sh.Subjects[0].ID).Scan(&tally))
		if answered != codes || tally != codes {
			t.Fatalf("answered %d, tally %d; want %d", answered, tally, codes)
		}
	})
}

func TestResultsAndReview(t *testing.T) {
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		w := newWorld(t, d)
		sh, err := w.svc.Open(w.Ctx, w.Admin, survey.NewSurvey{OrgID: w.Haidan.ID, Year: 2026, Threshold: 70})
		want.OK(t, err)
		answer := func(g survey.Group, n int, r func(i int, s survey.Subject) survey.Rating) {
			is, err := w.svc.IssueCodes(w.Ctx, w.Admin, sh.Survey.ID, g, n)
			want.OK(t, err)
			for i, c := range is.Codes {
				ratings := map[int64]survey.Rating{}
				for _, s := range sh.Subjects {
					ratings[s.ID] = r(i, s)
				}
				want.OK(t, w.svc.Answer(w.Ctx, c, ratings))
			}
		}
		// 基层群众: 10 answers; the deputy secretary is rated 不满意 by 6.
		answer(survey.GroupPublic, 10, func(i int, s survey.Subject) survey.Rating {
			if s.Name == "李副书" && i < 6 {
				return survey.Dissatisfied
			}
			return survey.Satisfied
		})
		// 党代表: 6 answers, all 基本满意.
		answer(survey.GroupPartyRep, 6, func(int, survey.Subject) survey.Rating { return survey.Basic })
		// 人大代表 3 and 政协委员 1: too few alone, pooled they are 4, still
		// too few: neither shown nor counted.
		answer(survey.GroupNPCRep, 3, func(int, survey.Subject) survey.Rating { return survey.Dissatisfied })
		answer(survey.GroupCPPCC, 1, func(int, survey.Subject) survey.Rating { return survey.Dissatisfied })
		_, err = w.svc.Close(w.Ctx, w.Admin, sh.Survey.ID, day.Day{})
		want.OK(t, err)

		res, err := w.svc.Results(w.Ctx, w.supervisor, sh.Survey.ID)
		want.OK(t, err)
		if len(res.Columns) != 2 || res.HiddenAnswers != 4 || len(res.Hidden) != 2 {
			t.Fatalf("columns %+v hidden %v (%d)", res.Columns, res.Hidden, res.HiddenAnswers)
		}
		byName := map[string]survey.SubjectResult{}
		for _, s := range res.Subjects {
			byName[s.Name] = s
		}
		// Team: public 100 (weight 40), party reps 60 (weight 20): 86.7.
		if s := byName[sh.Subjects[0].Name]; s.Score != 867 || s.Flagged {
			t.Fatalf("team = %+v", s)
		}
		// 李副书: public 40.0, party reps 60: (40×40+60×20)/60 = 46.7, flagged.
		li := byName["李副书"]
		if li.Score != 467 || !li.Flagged || li.Cells[1].Dissatisfied != 6 {
			t.Fatalf("李副书 = %+v", li)
		}

		// A fifth 人大代表 would have made the pool show (5 together).
		_, err = w.svc.RecordFollowup(w.Ctx, w.Admin, survey.NewFollowup{SubjectID: byName["王海丹"].ID,
			Action: survey.ActionAdjusted, Note: "x"})
		want.Rule(t, err, "survey.not_flagged")
		_, err = w.svc.RecordFollowup(w.Ctx, w.supervisor, survey.NewFollowup{SubjectID: li.ID, Action: survey.ActionAdjusted, Note: "调整分工"})
		want.Kind(t, err, apperr.KindForbidden)
		_, err = w.svc.RecordFollowup(w.Ctx, w.HaigaLeader, survey.NewFollowup{SubjectID: li.ID, Action: survey.ActionAdjusted, Note: "调整分工"})
		want.Kind(t, err, apperr.KindNotFound)
		_, err = w.svc.RecordFollowup(w.Ctx, w.Admin, survey.NewFollowup{SubjectID: li.ID, Action: "fired", Note: "x"})
		want.Field(t, err, "action", "survey.action_unknown")
		_, err = w.svc.RecordFollowup(w.Ctx, w.Admin, survey.NewFollowup{SubjectID: li.ID, Action: survey.ActionAdjusted,
			Note: "谈话提醒，调整分工", DecidedOn: day.Of(w.Today()).AddDays(1)})
		want.Field(t, err, "decided_on", "survey.date_future")
		fu, err := w.svc.RecordFollowup(w.Ctx, w.Admin, survey.NewFollowup{SubjectID: li.ID, Action: survey.ActionAdjusted,
			Note: "谈话提醒，调整分工"})
		want.OK(t, err)
		res, err = w.svc.Results(w.Ctx, w.Admin, sh.Survey.ID)
		want.OK(t, err)
		for _, s := range res.Subjects {
			if s.ID == li.ID && (len(s.Followups) != 1 || s.Followups[0].ID != fu.ID) {
				t.Fatalf("followups = %+v", s.Followups)
			}
		}
	})
}

// TestPooledGroups: two small groups that reach five together are shown
// as one column with their weights added.
func TestPooledGroups(t *testing.T) {
	groups := []survey.GroupInfo{{ID: 1, Group: survey.GroupPublic, Weight: 40, Answered: 12},
		{ID: 2, Group: survey.GroupNPCRep, Weight: 15, Answered: 3}, {ID: 3, Group: survey.GroupCPPCC, Weight: 10, Answered: 2},
		{ID: 4, Group: survey.GroupCadre, Weight: 15, Answered: 0}}
	cols, hidden, n := survey.ColumnsOf(groups)
	if len(cols) != 2 || !cols[1].Pooled || cols[1].Weight != 25 || cols[1].Answered != 5 || len(hidden) != 0 || n != 0 {
		t.Fatalf("columns %+v hidden %v %d", cols, hidden, n)
	}
	if s := fmt.Sprint(survey.Score(867)); s != "86.7" {
		t.Fatal(s)
	}
}
