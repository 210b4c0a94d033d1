package demo

import (
	"context"
	"fmt"
	"time"

	"dangjian/internal/apperr"
	"dangjian/internal/db"
	"dangjian/internal/members"
	"dangjian/internal/services"
)

// The member-activity demo runs after the roster's demo step (members.go
// sorts before members_meetings.go) and reads whatever members it loaded.
// Dates are relative to today, so the story holds whenever the demo is
// loaded: 民家一组 keeps every cadence but has not held this month's
// 支委会 yet; 民家二组 missed one 支委会; 民家三组 and 四组 meet every other
// month; 海丹一组 to 三组 are regular, with one 党员大会 below quorum in
// 三组; 海戛 has only started. Branches without members get figures typed
// from paper records.
func init() { register("orglife", loadMeetings) }

type meetingDemo struct {
	ctx   context.Context
	svc   services.Services
	today time.Time
}

func loadMeetings(ctx context.Context, svc services.Services, t *Town) error {
	d := &meetingDemo{ctx: ctx, svc: svc, today: db.Day(svc.Clock.Now())}
	for i, v := range Villages {
		if i > 2 {
			break // 民家, 海戛, 海丹 tell the story; the rest have no records yet
		}
		for j, g := range v.Groups {
			if err := d.branchYear(t.Groups[g].ID, v.Name, j); err != nil {
				return fmt.Errorf("demo meetings of %s: %w", g, err)
			}
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

// branchYear records this year's meetings of a branch so far according
// to its part in the story.
func (d *meetingDemo) branchYear(orgID int64, village string, group int) error {
	type plan struct {
		kind members.MeetingKind
		back int // months back
		day  int
		low  bool // below quorum
	}
	var ps []plan
	// The records cover this year so far (at least the last three months).
	span := max(int(d.today.Month())-1, 3)
	monthly := func(k members.MeetingKind, day int, skip func(back int) bool) {
		for back := span; back >= 1; back-- {
			if !skip(back) {
				ps = append(ps, plan{kind: k, back: back, day: day})
			}
		}
	}
	never := func(int) bool { return false }
	quarters := func(k members.MeetingKind, day int) {
		cur := int(d.today.Month()-1) % 3 // months since this quarter began
		for back := cur + 3; back <= span; back += 3 {
			ps = append(ps, plan{kind: k, back: back, day: day})
		}
	}
	switch {
	case village == "民家" && group <= 1:
		monthly(members.MeetingCommittee, 8, func(back int) bool { return group == 1 && back == 2 })
		monthly(members.MeetingGroup, 12, never)
		monthly(members.MeetingThemeDay, 1, never)
		quarters(members.MeetingAssembly, 20)
		quarters(members.MeetingLecture, 25)
		ps = append(ps, plan{kind: members.MeetingThemeDay, back: 0, day: 1})
		ps = append(ps, plan{kind: members.MeetingLecture, back: int(d.today.Month()-1) % 3, day: 3})
		if d.today.Month() > 1 {
			ps = append(ps, plan{kind: members.MeetingLife, back: int(d.today.Month()) - 1, day: 15})
		}
		if group == 1 {
			ps = append(ps, plan{kind: members.MeetingCommittee, back: 0, day: 2})
		}
	case village == "民家" && group <= 3:
		monthly(members.MeetingCommittee, 10, func(back int) bool { return back%2 == 1 })
		monthly(members.MeetingThemeDay, 1, func(back int) bool { return back%2 == 0 })
		quarters(members.MeetingAssembly, 18)
	case village == "海丹" && group <= 2:
		monthly(members.MeetingCommittee, 6, never)
		monthly(members.MeetingThemeDay, 1, never)
		quarters(members.MeetingLecture, 15)
		if group == 2 {
			ps = append(ps, plan{kind: members.MeetingAssembly, back: int(d.today.Month()-1) % 3, day: 2, low: true})
		} else {
			quarters(members.MeetingAssembly, 20)
		}
	case village == "海戛" && group < 2:
		for back := 3; back >= 1; back-- {
			ps = append(ps, plan{kind: members.MeetingThemeDay, back: back, day: 1})
		}
	}
	for _, p := range ps {
		if err := d.meeting(orgID, p.kind, d.monthDay(p.back, p.day), p.low); err != nil {
			return err
		}
	}
	return nil
}

var demoTopics = map[members.MeetingKind]string{
	members.MeetingAssembly:  "学习贯彻党的路线方针政策，讨论发展党员",
	members.MeetingCommittee: "研究本月党建工作和为民办事事项",
	members.MeetingGroup:     "交流“五带头”落实情况",
	members.MeetingLecture:   "党课：强化党员队伍建设，带领群众增收致富",
	members.MeetingThemeDay:  "主题党日：清洁家园、走访困难群众",
	members.MeetingLife:      "组织生活会：对照“五带头”开展批评和自我批评",
}

// meeting records one meeting with the branch's members on the day: all
// present but one away working, a committee of the first three, or, below
// quorum, only a third present. Without members, typed figures.
func (d *meetingDemo) meeting(orgID int64, kind members.MeetingKind, on time.Time, low bool) error {
	in := members.NewMeeting{OrgID: orgID, Kind: kind, Topic: demoTopics[kind], HeldOn: on, Place: "党员活动室",
		Minutes: "会议由支部书记主持，围绕主题逐项讨论，形成一致意见。"}
	if kind == members.MeetingLecture {
		// This quarter a town leader gives the lecture (副科级以上党员领导上党课).
		in.Speaker = "支部书记"
		if !on.Before(members.PeriodOf(members.CadenceQuarter, d.today).Start) {
			in.Speaker, in.SpeakerTitle, in.SpeakerSenior = "李建国", "镇党委副书记", true
		}
	}
	_, roster, err := d.svc.Members.MeetingForm(d.ctx, nil, orgID, on)
	if err != nil {
		return err
	}
	switch {
	case len(roster) == 0:
		in.Expected, in.Present = 9, 8
		if kind == members.MeetingCommittee {
			in.Expected, in.Present = 3, 3
		}
		if low {
			in.Present = 3
		}
	case kind == members.MeetingCommittee:
		for i := 0; i < len(roster) && i < 3; i++ {
			in.Attendance = append(in.Attendance, members.AttendanceInput{MemberID: roster[i].MemberID, Present: true})
		}
	default:
		for i, m := range roster {
			a := members.AttendanceInput{MemberID: m.MemberID, Present: true}
			if (low && i%3 != 0) || (!low && len(roster) >= 4 && i == len(roster)-1) {
				a.Present, a.Reason = false, "外出务工"
			}
			in.Attendance = append(in.Attendance, a)
		}
	}
	_, err = d.svc.Members.RecordMeeting(d.ctx, nil, in)
	return err
}

// activities gives 民家一组's members posts this year, last year's stars
// and last year's 民主评议, and puts a few suggestions on record.
func (d *meetingDemo) activities(t *Town) error {
	s := d.svc.Members
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
	for i, m := range ms {
		if _, err := s.AssignDuty(d.ctx, nil, members.NewDuty{MemberID: m.MemberID, Year: year,
			Post: posts[i%len(posts)].post, Duty: posts[i%len(posts)].duty}); err != nil {
			return err
		}
		if _, err := s.RateMember(d.ctx, nil, members.NewRating{MemberID: m.MemberID, Year: year - 1,
			Leads: leads[i%len(leads)]}); err != nil {
			return err
		}
	}
	sheet, err := s.BranchEvaluation(d.ctx, nil, orgID, year-1)
	if err != nil {
		return err
	}
	var grades []members.GradeInput
	excellent := 0
	for _, m := range sheet.Pending {
		g := members.GradeNone
		if m.Voting {
			g = members.GradeQualified
			if excellent < sheet.ExcellentN {
				g, excellent = members.GradeExcellent, excellent+1
			}
		}
		grades = append(grades, members.GradeInput{MemberID: m.MemberID, Grade: g})
	}
	if len(grades) > 0 {
		if _, err := s.RecordEvaluation(d.ctx, nil, members.NewEvaluation{OrgID: orgID, Year: year - 1,
			HeldOn: sheet.Day, Grades: grades}); err != nil {
			return err
		}
	}
	first, err := s.SubmitSuggestion(d.ctx, nil, members.NewSuggestion{MemberID: ms[0].MemberID,
		Title: "硬化民家一组到核桃基地的机耕路", Body: "雨季机耕路泥泞，核桃运不出去，建议列入一事一议。"})
	if err != nil {
		return err
	}
	if _, err := s.ReplySuggestion(d.ctx, nil, first.ID, "已提交村两委商议，拟列入明年一事一议项目。"); err != nil {
		return err
	}
	if len(ms) > 1 {
		_, err = s.SubmitSuggestion(d.ctx, nil, members.NewSuggestion{MemberID: ms[1].MemberID,
			Title: "冬季办农民夜校", Body: "利用农闲办夜校，请科技推广中心讲魔芋病害防治。"})
	}
	return err
}

// fund puts the town's care fund on record: money from the county and
// the town, one grant paid, one awaiting approval.
func (d *meetingDemo) fund(t *Town) error {
	s := d.svc.Members
	for _, in := range []members.NewIncome{
		{TownID: t.Town.ID, Amount: 5000000, OnDate: d.monthDay(5, 1), Description: "县委组织部下拨党内激励关怀帮扶资金"},
		{TownID: t.Town.ID, Amount: 2000000, OnDate: d.monthDay(4, 10), Description: "镇党委配套资金"},
	} {
		if _, err := s.RecordFundIncome(d.ctx, nil, in); err != nil {
			return err
		}
	}
	for i, g := range []struct{ group, reason string }{
		{"民家一组", "老党员因病住院，生活困难"},
		{"海丹一组", "党员家庭遭受冰雹灾害"},
	} {
		_, ms, err := s.BranchMembers(d.ctx, nil, t.Groups[g.group].ID)
		if err != nil {
			return err
		}
		if len(ms) == 0 {
			continue
		}
		grant, err := s.ProposeGrant(d.ctx, nil, members.NewGrant{MemberID: ms[len(ms)-1].MemberID,
			Amount: members.Fen(200000 - i*50000), Reason: g.reason})
		if err != nil {
			return err
		}
		if i == 0 {
			if _, err := s.DecideGrant(d.ctx, nil, grant.ID, true, "经镇党委研究同意"); err != nil {
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
	_, ms, err := d.svc.Members.BranchMembers(d.ctx, nil, orgID)
	if err != nil {
		return err
	}
	var uid int64
	if err := d.svc.DB.QueryRowContext(d.ctx, `SELECT id FROM users WHERE username = $1`, MemberAccount.Username).Scan(&uid); err != nil {
		return fmt.Errorf("demo account %s: %w", MemberAccount.Username, err)
	}
	// The first member not yet linked to another account.
	for _, m := range ms {
		err := d.svc.Members.LinkAccount(d.ctx, nil, m.MemberID, uid)
		if apperr.KindOf(err) != apperr.KindConflict {
			return err
		}
	}
	return nil
}
