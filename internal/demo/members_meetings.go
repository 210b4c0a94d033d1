package demo

import (
	"context"
	"fmt"
	"slices"
	"time"

	"dangjian/internal/apperr"
	"dangjian/internal/day"
	"dangjian/internal/db"
	"dangjian/internal/members"
	"dangjian/internal/orglife"
	"dangjian/internal/services"
)

// The member-activity demo runs after the roster's demo step (members.go
// sorts before members_meetings.go) and reads whatever members it loaded.
// Every branch gets a year of meetings (meetings_year.go tells whose
// habits differ); branches without members get figures typed from paper
// records.
func init() { register("orglife", loadMeetings) }

type meetingDemo struct {
	ctx   context.Context
	svc   services.Services
	today time.Time
}

func loadMeetings(ctx context.Context, svc services.Services, t *Town) error {
	d := &meetingDemo{ctx: ctx, svc: svc, today: db.Day(svc.Clock.Now())}
	for i, v := range Villages {
		for j, g := range v.Groups {
			if err := d.branchYear(t, t.Groups[g].ID, storyOf(i, v.Name, j)); err != nil {
				return fmt.Errorf("demo meetings of %s: %w", g, err)
			}
		}
	}
	for k, o := range t.Industry {
		if err := d.branchYear(t, o.ID, branchStory{seed: 3 + k}); err != nil {
			return fmt.Errorf("demo meetings of %s: %w", o.Name, err)
		}
	}
	if err := d.activities(t); err != nil {
		return err
	}
	if err := d.fund(t); err != nil {
		return err
	}
	return d.memberAccount(t)
}

// monthDay is the given day of the month `back` months before this one,
// never later than today.
func (d *meetingDemo) monthDay(back, day int) time.Time {
	first := time.Date(d.today.Year(), d.today.Month(), 1, 0, 0, 0, 0, time.UTC).AddDate(0, -back, 0)
	t := first.AddDate(0, 0, day-1)
	if t.After(d.today) {
		return d.today
	}
	return t
}

// branchYear records a branch's year of meetings in one go, as a branch
// types in its paper minutes.
func (d *meetingDemo) branchYear(t *Town, orgID int64, s branchStory) error {
	roster, err := d.svc.Members.List(d.ctx, systemReader(t), members.Filter{OrgID: orgID, Status: "all", Limit: 200})
	if err != nil {
		return err
	}
	plan := yearPlan(s, d.today)
	ins := make([]orglife.NewMeeting, 0, len(plan))
	for _, p := range plan {
		ins = append(ins, d.meeting(orgID, p, roster, s.seed))
	}
	_, err = d.svc.OrgLife.RecordMeetings(d.ctx, nil, orgID, ins)
	return err
}

var demoTopics = map[orglife.MeetingKind]string{
	orglife.MeetingAssembly:  "学习贯彻党的路线方针政策，讨论发展党员",
	orglife.MeetingCommittee: "研究本月党建工作和为民办事事项",
	orglife.MeetingGroup:     "交流“五带头”落实情况",
	orglife.MeetingLecture:   "党课：强化党员队伍建设，带领群众增收致富",
	orglife.MeetingThemeDay:  "主题党日：清洁家园、走访困难群众",
	orglife.MeetingLife:      "组织生活会：对照“五带头”开展批评和自我批评",
}

// townLeaders are the 副科级以上 leaders who give 党课 at their 联系点.
var townLeaders = []struct{ name, title string }{
	{"杨志华", "镇党委书记"},
	{"赵文斌", "镇党委副书记、镇长"},
	{"陈晓红", "镇党委副书记"},
	{"李建国", "镇党委组织委员"},
	{"刘德明", "镇纪委书记"},
}

// meeting is one planned meeting with the branch's members on the day:
// all present but one away working, a committee of the first three, one
// 党小组 of half the branch, or, below quorum, only a third present.
// Without members, typed figures.
func (d *meetingDemo) meeting(orgID int64, p planned, roster []members.Member, seed int) orglife.NewMeeting {
	in := orglife.NewMeeting{OrgID: orgID, Kind: p.kind, Topic: demoTopics[p.kind], HeldOn: day.Of(p.on), Place: "党员活动室",
		Minutes: "会议由支部书记主持，围绕主题逐项讨论，形成一致意见。"}
	var on []members.Member
	for _, m := range roster {
		if m.MemberOn(p.on) {
			on = append(on, m)
		}
	}
	if p.kind == orglife.MeetingLecture {
		in.Speaker, in.SpeakerTitle = "支部书记", ""
		if len(on) > 0 {
			in.Speaker, in.SpeakerTitle = on[0].Name, "支部书记"
		}
		if p.senior {
			l := townLeaders[seed/10%len(townLeaders)]
			in.Speaker, in.SpeakerTitle, in.SpeakerSenior = l.name, l.title, true
		}
	}
	switch {
	case len(on) == 0:
		in.Expected, in.Present = 9, 8
		if p.kind == orglife.MeetingCommittee {
			in.Expected, in.Present = 3, 3
		}
		if p.low {
			in.Present = 3
		}
	case p.kind == orglife.MeetingCommittee || p.kind == orglife.MeetingGroup:
		n := min(len(on), 3)
		if p.kind == orglife.MeetingGroup {
			n = max(n, len(on)/2)
		}
		for _, m := range on[:n] {
			in.Attendance = append(in.Attendance, orglife.AttendanceInput{MemberID: m.ID, Present: true})
		}
	default:
		for i, m := range on {
			a := orglife.AttendanceInput{MemberID: m.ID, Present: true}
			if (p.low && i%3 != 0) || (!p.low && len(on) >= 4 && i == len(on)-1) {
				a.Present, a.Reason = false, "外出务工"
			}
			in.Attendance = append(in.Attendance, a)
		}
	}
	return in
}

// activities gives 民家一组's members posts this year, last year's stars
// and last year's 民主评议, and puts a few suggestions on record.
func (d *meetingDemo) activities(t *Town) error {
	s := d.svc.OrgLife
	orgID := t.Groups["民家一组"].ID
	_, ms, err := s.BranchMembers(d.ctx, nil, orgID)
	if err != nil || len(ms) == 0 {
		return err
	}
	year := d.today.Year()
	posts := []struct{ post, duty string }{
		{"政策宣传岗", "每月向本组群众宣讲惠农政策一次"},
		{"环境卫生监督岗", "每周巡查村道和沟渠卫生"},
		{"矛盾调解岗", "及时发现并协助调解邻里纠纷"},
		{"产业带头岗", "带动农户发展魔芋、核桃种植"},
	}
	leads := [][]string{
		{"study", "achieve", "serve", "law", "virtue"},
		{"study", "serve", "law", "virtue"},
		{"serve", "law", "virtue"},
		{"study", "law"},
	}
	// Last year's stars go to those who were members by its last day.
	roster, err := d.svc.Members.List(d.ctx, systemReader(t), members.Filter{OrgID: orgID, Limit: 200})
	if err != nil {
		return err
	}
	joinedBy := map[int64]bool{}
	for _, m := range roster {
		joinedBy[m.ID] = m.MemberOn(time.Date(year-1, 12, 31, 0, 0, 0, 0, time.UTC))
	}
	for i, m := range ms {
		if _, err := s.AssignDuty(d.ctx, nil, orglife.NewDuty{MemberID: m.MemberID, Year: year,
			Post: posts[i%len(posts)].post, Duty: posts[i%len(posts)].duty}); err != nil {
			return err
		}
		if !joinedBy[m.MemberID] {
			continue
		}
		if _, err := s.RateMember(d.ctx, nil, orglife.NewRating{MemberID: m.MemberID, Year: year - 1,
			Leads: leads[i%len(leads)]}); err != nil {
			return err
		}
	}
	sheet, err := s.BranchEvaluation(d.ctx, nil, orgID, year-1)
	if err != nil {
		return err
	}
	var grades []orglife.GradeInput
	excellent := 0
	for _, m := range sheet.Pending {
		g := orglife.GradeNone
		if m.Voting {
			g = orglife.GradeQualified
			if excellent < sheet.ExcellentN {
				g, excellent = orglife.GradeExcellent, excellent+1
			}
		}
		grades = append(grades, orglife.GradeInput{MemberID: m.MemberID, Grade: g})
	}
	if len(grades) > 0 {
		if _, err := s.RecordEvaluation(d.ctx, nil, orglife.NewEvaluation{OrgID: orgID, Year: year - 1,
			HeldOn: sheet.Day, Grades: grades}); err != nil {
			return err
		}
	}
	first, err := s.SubmitSuggestion(d.ctx, nil, orglife.NewSuggestion{MemberID: ms[0].MemberID,
		Title: "硬化民家一组到核桃基地的机耕路", Body: "雨季机耕路泥泞，核桃运不出去，建议列入一事一议。"})
	if err != nil {
		return err
	}
	if _, err := s.ReplySuggestion(d.ctx, nil, first.ID, "已提交村两委商议，拟列入明年一事一议项目。"); err != nil {
		return err
	}
	if len(ms) > 1 {
		_, err = s.SubmitSuggestion(d.ctx, nil, orglife.NewSuggestion{MemberID: ms[1].MemberID,
			Title: "冬季办农民夜校", Body: "利用农闲办夜校，请科技推广中心讲魔芋病害防治。"})
	}
	return err
}

// fund puts the town's care fund on record: money from the county and
// the town, a grant to 民家一组's longest-serving member (in hospital)
// proposed by the branch secretary and approved by the town, and one for
// a hail-struck family of 海丹一组 proposed by the village, awaiting the
// town's approval.
func (d *meetingDemo) fund(t *Town) error {
	s := d.svc.OrgLife
	for _, in := range []orglife.NewIncome{
		{TownID: t.Town.ID, Amount: 5000000, OnDate: day.Of(d.monthDay(5, 1)), Description: "县委组织部下拨党内激励关怀帮扶资金"},
		{TownID: t.Town.ID, Amount: 2000000, OnDate: day.Of(d.monthDay(4, 10)), Description: "镇党委配套资金"},
	} {
		if _, err := s.RecordFundIncome(d.ctx, actorOf(t, "admin"), in); err != nil {
			return err
		}
	}
	for i, g := range []struct{ group, proposer, reason string }{
		{"民家一组", "minjia1", "老党员因病住院，生活困难"},
		{"海丹一组", "haidan", "党员家庭遭受冰雹灾害"},
	} {
		list, err := d.svc.Members.List(d.ctx, systemReader(t), members.Filter{OrgID: t.Groups[g.group].ID, Limit: 200})
		if err != nil {
			return err
		}
		if len(list) == 0 {
			continue
		}
		m := longestServing(list)
		grant, err := s.ProposeGrant(d.ctx, actorOf(t, g.proposer), orglife.NewGrant{MemberID: m.ID,
			Amount: orglife.Fen(200000 - i*50000), Reason: g.reason})
		if err != nil {
			return err
		}
		if i == 0 {
			if _, err := s.DecideGrant(d.ctx, actorOf(t, "admin"), grant.ID, true, "经镇党委研究同意"); err != nil {
				return err
			}
		}
	}
	return nil
}

// memberAccount links the party member's demo log-in to a member of
// 民家一组, if the roster has one.
func (d *meetingDemo) memberAccount(t *Town) error {
	orgID := t.Groups[MemberAccount.Org].ID
	_, ms, err := d.svc.OrgLife.BranchMembers(d.ctx, nil, orgID)
	if err != nil {
		return err
	}
	var uid int64
	if err := d.svc.DB.QueryRowContext(d.ctx, `SELECT id FROM users WHERE username = $1`, MemberAccount.Username).Scan(&uid); err != nil {
		return fmt.Errorf("demo account %s: %w", MemberAccount.Username, err)
	}
	// The first member not yet linked to another account, and not one of
	// the branch's officers, who have accounts of their own.
	for _, m := range ms {
		if slices.Contains(t.partyHolders[orgID], m.Name) {
			continue
		}
		err := d.svc.Members.LinkAccount(d.ctx, nil, m.MemberID, uid)
		if apperr.KindOf(err) != apperr.KindConflict {
			return err
		}
	}
	return nil
}
