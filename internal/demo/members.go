package demo

import (
	"context"
	"fmt"
	"time"

	"dangjian/internal/db"
	"dangjian/internal/members"
	"dangjian/internal/people"
	"dangjian/internal/services"
)

func init() { register("members", loadMembers) }

// Demo roster sizes: about 2,000 members in the town, the size of a town
// in docs/domain.md#scale.
const (
	MembersPerGroup    = 12 // each 村民小组党支部
	MembersPerVillage  = 15 // directly in each 村党总支 (cadres, retired members)
	MembersPerIndustry = 8  // each industry party organisation
)

// memberRegion is the region code of demo members' id numbers (富源县);
// their sequence codes start at 900 so they stay apart from residents'.
const memberRegion = "530325"

// loadMembers fills the roster of every branch through one bulk add per
// village (one transaction and one audit record each), then walks a few
// people per village through the pipeline with dated steps so the board
// shows every stage, something due and one overdue talk, and adds 三培养
// tags, 流动党员 and one member who died. Dates are relative to today so
// the board stays interesting on any day the demo is loaded.
func loadMembers(ctx context.Context, svc services.Services, t *Town) error {
	today := db.Day(svc.Clock.Now())
	d := &memberDealer{today: today, names: &names{n: 3000}, used: map[string]bool{}}
	ms := svc.Members
	var pipeline []pipelinePerson
	for v, village := range Villages {
		vo := t.Villages[village.Name]
		var batch []members.MemberInput
		for gi, g := range village.Groups {
			for i := 0; i < MembersPerGroup; i++ {
				in := d.officer(t, t.Groups[g].ID, i)
				// Probationary members sit only in each village's first
				// three groups, so other branches have a plain roster.
				if gi < 3 && i == MembersPerGroup-1 {
					d.probationary(&in, v, gi)
				}
				batch = append(batch, in)
			}
		}
		for i := 0; i < MembersPerVillage; i++ {
			batch = append(batch, d.officer(t, vo.ID, i))
		}
		for _, o := range t.Industry {
			if o.ParentID == vo.ID {
				for i := 0; i < MembersPerIndustry; i++ {
					batch = append(batch, d.officer(t, o.ID, i))
				}
			}
		}
		for k, p := range d.pipelinePeople(v) {
			p.in.OrgID = t.Groups[village.Groups[k%3]].ID
			pipeline = append(pipeline, p)
			batch = append(batch, p.in)
		}
		ids, err := ms.BulkAdd(ctx, nil, vo.ID, batch)
		if err != nil {
			return fmt.Errorf("demo members of %s: %w", village.Name, err)
		}
		// The pipeline people are the batch's tail, in order.
		tail := ids[len(ids)-len(d.lastPipeline):]
		for k := range d.lastPipeline {
			pipeline[len(pipeline)-len(tail)+k].id = tail[k]
		}
		if err := d.cultivate(ctx, ms, ids[:3], tail, today); err != nil {
			return err
		}
	}
	for _, o := range t.Industry {
		if o.ParentID == t.Town.ID {
			var batch []members.MemberInput
			for i := 0; i < MembersPerIndustry; i++ {
				batch = append(batch, d.officer(t, o.ID, i))
			}
			if _, err := ms.BulkAdd(ctx, nil, o.ID, batch); err != nil {
				return fmt.Errorf("demo members of %s: %w", o.Name, err)
			}
		}
	}
	for _, p := range pipeline {
		for _, s := range p.steps {
			if _, err := ms.RecordStep(ctx, nil, p.id, s); err != nil {
				return fmt.Errorf("demo step %s of %s: %w", s.Step, p.in.Name, err)
			}
		}
	}
	// The eldest member of 民家一组 but its longest-serving one (who is in
	// hospital, see the care fund) died ten days ago; the record stays.
	list, err := ms.List(ctx, systemReader(t), members.Filter{OrgID: t.Groups["民家一组"].ID, Limit: 200})
	if err != nil || len(list) < 5 {
		return fmt.Errorf("demo roster of 民家一组: %v", err)
	}
	first := longestServing(list)
	var eldest members.Member
	for _, m := range list {
		if m.ID != first.ID && (eldest.ID == 0 || m.BirthDate.Before(eldest.BirthDate)) {
			eldest = m
		}
	}
	_, err = ms.Leave(ctx, nil, eldest.ID, members.LeaveInput{Reason: members.LeftDied, On: today.AddDate(0, 0, -10)})
	return err
}

// longestServing is the party member who joined first (one without a
// joining date on record counts as joined longest ago).
func longestServing(list []members.Member) members.Member {
	first := list[0]
	for _, m := range list[1:] {
		if m.JoinedOn.IsZero() || (!first.JoinedOn.IsZero() && m.JoinedOn.Before(first.JoinedOn)) {
			first = m
		}
	}
	return first
}

// memberDealer deals deterministic people: names, valid id numbers and
// plausible dates.
type memberDealer struct {
	today        time.Time
	names        *names
	used         map[string]bool
	n            int
	lastPipeline []pipelinePerson
}

// idNumber deals a valid, unused number for someone born on birth.
func (d *memberDealer) idNumber(birth time.Time) string {
	for seq := 900 + d.n%100; ; seq++ {
		first17 := memberRegion + birth.Format("20060102") + fmt.Sprintf("%03d", seq%1000)
		number := first17 + string(people.CheckDigit(first17))
		if !d.used[number] {
			d.used[number] = true
			return number
		}
	}
}

// member is a 正式党员 who joined between 1 and 40 years ago, aged 20–35
// at the time; about one in three belongs to a focus group, one in a
// hundred works away as a 流动党员. The step between consecutive members'
// joining days is coprime with the 40-year span, so every branch has
// members of every generation, not a cohort of one year.
func (d *memberDealer) member(orgID int64) members.MemberInput {
	i := d.n
	d.n++
	joined := d.today.AddDate(-1, -2, -(i*5303)%14200)
	birth := joined.AddDate(-(20 + i%16), 0, -(i*37)%365)
	in := members.MemberInput{OrgID: orgID, Name: d.names.next(), IDNumber: d.idNumber(birth),
		Status: members.StatusFull, JoinedOn: joined, FullOn: joined.AddDate(1, i%3, 0),
		Phone: fmt.Sprintf("138%08d", 87400000+i), Mobile: i%100 == 7}
	if in.FullOn.After(d.today) {
		in.FullOn = d.today
	}
	if i%3 == 0 {
		in.Category = members.Categories[(i/3)%len(members.Categories)]
	}
	if i%4 == 0 {
		in.Education = []string{"初中", "高中", "中专", "大专", "本科"}[(i/4)%5]
	}
	return in
}

// officer is the i-th member of an organisation's roster: the first ones
// are the holders of its party posts (支部书记 and 委员 are party members
// of their own branch), the rest are dealt.
func (d *memberDealer) officer(t *Town, orgID int64, i int) members.MemberInput {
	in := d.member(orgID)
	if holders := t.partyHolders[orgID]; i < len(holders) {
		in.Name = holders[i]
	}
	return in
}

// probationary turns a member into a 预备党员 accepted some months ago;
// in 海丹 (v = 2) one's year is up, so the board shows 转正 as due.
// A 预备党员 was accepted at 22–31, so their id number is dealt again for
// that age.
func (d *memberDealer) probationary(in *members.MemberInput, v, g int) {
	in.Status, in.FullOn = members.StatusProbationary, time.Time{}
	in.JoinedOn = d.today.AddDate(0, -(2 + (v+g)%9), -(v % 20))
	if v == 2 && g == 0 {
		in.JoinedOn = d.today.AddDate(-1, 0, -10)
	}
	in.IDNumber = d.idNumber(in.JoinedOn.AddDate(-(22 + (v+g)%10), 0, -(v*29)%365))
}

// pipelinePerson is someone in development with the steps to record.
type pipelinePerson struct {
	in    members.MemberInput
	steps []members.StepInput
	id    int64
}

// pipelinePeople are four people of village v at different stages:
// a new applicant (in 海戛 the talk is overdue), one who has had the talk,
// an activist (due to become a 发展对象 in some villages) and a 发展对象
// (in some villages already accepted by the branch meeting and waiting
// for approval).
func (d *memberDealer) pipelinePeople(v int) []pipelinePerson {
	T := d.today
	person := func(applied time.Time) members.MemberInput {
		i := d.n
		d.n++
		birth := T.AddDate(-(24 + i%12), 0, -(i*31)%365)
		return members.MemberInput{Name: d.names.next(), IDNumber: d.idNumber(birth), Status: members.StatusApplicant,
			AppliedOn: applied, Category: members.Categories[(v+i)%len(members.Categories)]}
	}
	step := func(s members.Step, on time.Time) members.StepInput { return members.StepInput{Step: s, On: on} }
	applied := T.AddDate(0, 0, -(5 + v))
	if v == 1 { // 海戛: applied 40 days ago and nobody has talked with them yet
		applied = T.AddDate(0, 0, -40)
	}
	newApplicant := pipelinePerson{in: person(applied)}

	a2 := T.AddDate(0, -2, 0)
	talked := pipelinePerson{in: person(a2), steps: []members.StepInput{step(members.StepTalk, a2.AddDate(0, 0, 12))}}

	a3 := T.AddDate(-2, 0, 0)
	activistOn := T.AddDate(0, -(7 + v%5), 0)
	if v%4 == 0 {
		activistOn = T.AddDate(-1, 0, -3) // a year is up: may become a 发展对象
	}
	activist := pipelinePerson{in: person(a3), steps: []members.StepInput{
		step(members.StepTalk, a3.AddDate(0, 0, 20)), step(members.StepActivist, activistOn)}}

	a4 := T.AddDate(-3, 0, 0)
	candidate := pipelinePerson{in: person(a4), steps: []members.StepInput{
		step(members.StepTalk, a4.AddDate(0, 0, 15)), step(members.StepActivist, T.AddDate(-2, 0, 0)),
		step(members.StepCandidate, T.AddDate(0, -6, 0))}}
	if v%3 == 0 {
		meeting := step(members.StepAdmit, T.AddDate(0, 0, -20))
		meeting.TrainingDays = 3
		candidate.steps = append(candidate.steps, meeting)
	}
	d.lastPipeline = []pipelinePerson{newApplicant, talked, activist, candidate}
	return d.lastPipeline
}

// cultivate adds 三培养 tags in a village: two members being made
// prosperity leaders (one achieved), a prosperity leader among the
// applicants being made a member, and a member prosperity leader on the
// way to the village committee.
func (d *memberDealer) cultivate(ctx context.Context, ms *members.Service, memberIDs, pipelineIDs []int64, today time.Time) error {
	tags := []struct {
		id       int64
		kind     members.TagKind
		started  time.Time
		achieved bool
	}{
		{memberIDs[0], members.TagMemberToRich, today.AddDate(-2, 0, 0), true},
		{memberIDs[1], members.TagMemberToRich, today.AddDate(0, -8, 0), false},
		{pipelineIDs[2], members.TagRichToMember, today.AddDate(-1, -6, 0), false},
		{memberIDs[2], members.TagRichMemberToCadre, today.AddDate(-1, 0, 0), false},
	}
	for _, tg := range tags {
		tag, err := ms.AddTag(ctx, nil, tg.id, members.TagInput{Kind: tg.kind, StartedOn: tg.started})
		if err != nil {
			return fmt.Errorf("demo 三培养: %w", err)
		}
		if tg.achieved {
			if _, err := ms.CloseTag(ctx, nil, tg.id, tag.ID, true, tg.started.AddDate(1, 3, 0)); err != nil {
				return err
			}
		}
	}
	return nil
}
