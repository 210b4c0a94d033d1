package demo

import (
	"context"
	"fmt"
	"strconv"

	"dangjian/internal/day"
	"dangjian/internal/democracy"
	"dangjian/internal/disclosure"
	"dangjian/internal/services"
)

// The village-democracy demo runs after the people and members steps
// (village_democracy.go sorts after people.go), whose rosters its 应到
// come from: 村民代表 rosters, 四议两公开 matters (海丹
// and 民家 through all six steps, 海戛's 村民代表会议 without a quorum,
// 大坪's rejected by the party assembly), a year of 五公开 in eight
// villages with 海戛's finance three months late and 大坪 never
// publishing its services, one item superseded, and villagers' feedback.
func init() { register("democracy", loadDemocracy) }

// democracyVillages are the villages whose board the demo fills.
var democracyVillages = []string{"海丹", "民家", "海戛", "大坪", "岩头", "得戛", "大河", "恩乐"}

func loadDemocracy(ctx context.Context, svc services.Services, t *Town) error {
	s := svc.Democracy
	today := day.Today(svc.Clock)
	for i, name := range democracyVillages[:4] {
		if err := demoRepresentatives(ctx, s, t.Villages[name].ID, i == 2, today); err != nil {
			return fmt.Errorf("demo representatives of %s: %w", name, err)
		}
	}
	type story struct {
		village, title string
		yuan           int64
		body           string // who decides at step 4
		stop           int    // the step where the story stops (0: all six)
		outcome        string // how it stops
	}
	stories := []story{
		{"海丹", "硬化三组至五组村道 1.2 公里", 120000, democracy.BodyRepresentatives, 0, ""},
		{"民家", "修建民家村民文化活动广场", 80000, democracy.BodyVillagers, 0, ""},
		{"海戛", "新建村集体烤烟房", 150000, democracy.BodyRepresentatives, 4, democracy.OutcomeAdjourned},
		{"大坪", "出租村集体林地", 0, democracy.BodyRepresentatives, 3, democracy.OutcomeRejected},
		{"海丹", "安装村内路灯 60 盏", 45000, democracy.BodyRepresentatives, 3, ""},
	}
	for _, st := range stories {
		m, err := s.CreateMatter(ctx, nil, democracy.NewMatter{OrgID: t.Villages[st.village].ID, Title: st.title, AmountFen: st.yuan * 100,
			Description: "经群众提议，由党支部会提出。"})
		if err != nil {
			return err
		}
		on := today.AddDays(-90)
		for step := 1; step <= democracy.Steps; step++ {
			if st.stop != 0 && step > st.stop {
				break
			}
			outcome := democracy.OutcomePassed
			if step == st.stop {
				outcome = st.outcome
			}
			if st.stop != 0 && step == st.stop && outcome == "" {
				break // waiting for this step
			}
			in := democracy.StepInput{MatterID: m.ID, Step: step, HeldOn: on, Place: "村委会会议室", Outcome: outcome}
			switch {
			case step == democracy.StepPublishDecision:
				in.Note = "经村民代表会议决议通过：" + st.title + "，预算 " + strconv.FormatInt(st.yuan, 10) + " 元。公示期 7 天，如有异议请向村务监督委员会反映。"
			case step == democracy.StepPublishResult:
				in.Note = st.title + "已完成并通过验收，实际支出见财务公开。"
				in.HeldOn = today.AddDays(-5)
			default:
				body := ""
				if step == democracy.StepDecide {
					body, in.Body = st.body, st.body
				}
				exp, err := s.Expected(ctx, nil, m.ID, step, body, on)
				if err != nil {
					return err
				}
				in.Present = exp.Expected
				switch {
				case outcome == democracy.OutcomeAdjourned:
					in.Present = exp.Expected / 2
				case step == democracy.StepDecide && st.body == democracy.BodyVillagers:
					in.Present = exp.Expected/2 + 1
					in.PresentHouseholds = exp.ExpectedHouseholds * 3 / 4
				}
				in.Yes = in.Present
				if outcome == democracy.OutcomeRejected {
					in.Yes, in.No = in.Present/3, in.Present-in.Present/3
				} else if outcome == democracy.OutcomePassed && in.Present > 4 {
					in.Yes, in.No, in.Abstain = in.Present-2, 1, 1
					if step == democracy.StepReview && in.Yes*2 <= exp.Expected {
						in.Yes, in.No, in.Abstain = in.Present, 0, 0
					}
				}
			}
			if _, err := s.RecordStep(ctx, nil, in); err != nil {
				return fmt.Errorf("demo matter %s step %d: %w", st.title, step, err)
			}
			on = on.AddDays(7)
		}
	}
	if err := demoDisclosures(ctx, s, t, today); err != nil {
		return err
	}
	if err := demoProjects(ctx, svc, t, today); err != nil {
		return err
	}
	return demoFeedback(ctx, s, t)
}

// demoProjects: 民家's 一事一议 passed by households with twenty
// households' contributions; 海戛's proposal waits for its vote.
func demoProjects(ctx context.Context, svc services.Services, t *Town, today day.Day) error {
	s := svc.Democracy
	mj := t.Villages["民家"]
	p, err := s.ProposeProject(ctx, nil, democracy.NewProject{OrgID: mj.ID, Title: "硬化民家村入户道路", Proposer: democracy.ProposerCommittee,
		Description: "各户门前至村道的入户路硬化，每人筹资 15 元、筹劳 2 天。", PerPersonFen: 1500, LabourDays: 2})
	if err != nil {
		return err
	}
	roster, err := s.Representatives(ctx, nil, mj.ID)
	if err != nil {
		return err
	}
	var votes []democracy.RepVote
	for i, r := range roster.Representatives {
		if i%5 == 4 {
			continue // absent
		}
		votes = append(votes, democracy.RepVote{RepresentativeID: r.ID, Yes: i%7 != 3})
	}
	if _, err := s.VoteProject(ctx, nil, democracy.ProjectVote{ProjectID: p.ID, On: today.AddDays(-45), Body: democracy.BodyRepresentatives, Votes: votes}); err != nil {
		return fmt.Errorf("demo project vote: %w", err)
	}
	rows, err := svc.DB.QueryContext(ctx, `SELECT h.id, (SELECT COUNT(*) FROM residents r WHERE r.household_id = h.id)
		FROM households h JOIN orgs o ON o.id = h.org_id WHERE o.path >= $1 AND o.path < $2 ORDER BY h.id LIMIT 20`, mj.Path, mj.Path[:len(mj.Path)-1]+"0")
	if err != nil {
		return err
	}
	type hh struct{ id, people int64 }
	var list []hh
	for rows.Next() {
		var h hh
		if err := rows.Scan(&h.id, &h.people); err != nil {
			rows.Close()
			return err
		}
		list = append(list, h)
	}
	rows.Close()
	for i, h := range list {
		people := int(max(h.people, 1))
		days := 2 * people
		if i%4 == 3 {
			days = 0 // paid in money only so far
		}
		if _, err := s.RecordCollection(ctx, nil, democracy.NewCollection{ProjectID: p.ID, HouseholdID: h.id, People: people,
			AmountFen: 1500 * int64(people), LabourDays: days, PaidOn: today.AddDays(-30 + i)}); err != nil {
			return fmt.Errorf("demo collection: %w", err)
		}
	}
	_, err = s.ProposeProject(ctx, nil, democracy.NewProject{OrgID: t.Villages["海戛"].ID, Title: "修缮海戛村蓄水池",
		Proposer: democracy.ProposerCommittee, PerPersonFen: 1000, LabourDays: 1})
	return err
}

// demoRepresentatives gives a village one representative per about 12
// households, a third of them women (short of a third in 海戛, whose
// roster shows the check).
func demoRepresentatives(ctx context.Context, s *democracy.Service, vid int64, fewWomen bool, today day.Day) error {
	roster, err := s.Representatives(ctx, nil, vid)
	if err != nil {
		return err
	}
	hh := max(roster.Households, 24)
	n := (hh + 11) / 12
	names := &names{n: 7000 + int(vid)}
	for i := range n {
		share := hh / n
		if i < hh%n {
			share++
		}
		sex := "M"
		if (!fewWomen && i%3 == 0) || (fewWomen && i == 0) {
			sex = "F"
		}
		if _, err := s.AddRepresentative(ctx, nil, democracy.NewRepresentative{OrgID: vid, Name: names.next(), Sex: sex,
			Households: share, Group: "第" + strconv.Itoa(i%9+1) + "组", StartedOn: day.New(2021, 3, 1)}); err != nil {
			return err
		}
	}
	return nil
}

// demoDisclosures publishes a year of the board: finance every month
// (by the 10th of the next), the other four categories every quarter.
func demoDisclosures(ctx context.Context, s *democracy.Service, t *Town, today day.Day) error {
	first := day.New(today.Year(), today.Month(), 1)
	for _, name := range democracyVillages {
		vid := t.Villages[name].ID
		for back := 12; back >= 1; back-- {
			month := first.AddMonths(-back)
			period := month.String()[:7]
			on := month.AddMonths(1).AddDays(4)
			if on.After(today) {
				on = today
			}
			if name == "海戛" && back <= 3 {
				continue // finance three months late
			}
			income := 3000 + int64(back*137+int(vid)%50)*10
			if _, err := s.RecordPublished(ctx, nil, disclosure.Draft{OrgID: vid, Category: disclosure.Finance, Period: period,
				Title: name + "村 " + period + " 财务收支公开", Body: "本月收入 | " + strconv.FormatInt(income, 10) + ".00 元\n本月支出 | " +
					strconv.FormatInt(income*7/10, 10) + ".00 元\n经村务监督委员会审核。"}, on); err != nil {
				return fmt.Errorf("demo finance of %s: %w", name, err)
			}
			if month.Month()%3 != 0 {
				continue
			}
			q := strconv.Itoa(month.Year()) + "-Q" + strconv.Itoa(int(month.Month()+2)/3)
			for _, c := range []disclosure.Category{disclosure.Party, disclosure.Government, disclosure.Village, disclosure.Service} {
				if c == disclosure.Service && name == "大坪" {
					continue // never published
				}
				if _, err := s.RecordPublished(ctx, nil, disclosure.Draft{OrgID: vid, Category: c, Period: q,
					Title: name + "村 " + q + " " + demoCategoryTitle[c], Body: demoCategoryBody[c]}, on); err != nil {
					return fmt.Errorf("demo %s of %s: %w", c, name, err)
				}
			}
		}
	}
	// 海丹 corrects last month's finance: a new version says what changed.
	items, err := s.PortalItems(ctx, democracy.PortalFilter{OrgID: t.Villages["海丹"].ID, Category: disclosure.Finance, Limit: 1})
	if err != nil || len(items) == 0 {
		return err
	}
	nv, err := s.ReviseItem(ctx, nil, items[0].ID, items[0].Title, items[0].Body+"\n更正：补记上月收到的护林补助 | 600.00 元", "补记护林补助 600 元")
	if err != nil {
		return err
	}
	if _, err := s.ReviewItem(ctx, nil, nv.ID, true, ""); err != nil {
		return err
	}
	// A draft waits for the 村务监督委员会.
	_, err = s.CreateItem(ctx, nil, democracy.NewItem{OrgID: t.Villages["海丹"].ID, Category: disclosure.Village,
		Period: today.String()[:7], Title: "海丹村低保评议结果（草稿）", Body: "经村民代表会议评议，拟推荐 3 户纳入低保。"})
	return err
}

var demoCategoryTitle = map[disclosure.Category]string{
	disclosure.Party: "党务公开", disclosure.Government: "政务公开", disclosure.Village: "村务公开", disclosure.Service: "服务公开",
}

var demoCategoryBody = map[disclosure.Category]string{
	disclosure.Party:      "党员发展 | 按程序进行\n党费收缴 | 已按时足额收缴\n“三会一课” | 按期召开",
	disclosure.Government: "惠农补贴 | 已发放到户\n医保参保 | 参保率 98%",
	disclosure.Village:    "本季度村民代表会议决议事项及实施情况见各项决议公开。",
	disclosure.Service:    "为民服务中心办理事项 | 按时办结\n代办员联系电话 | 见村委会公告栏",
}

// demoFeedback is two villagers' messages to 海丹: one shown and answered,
// one waiting for moderation.
func demoFeedback(ctx context.Context, s *democracy.Service, t *Town) error {
	vid := t.Villages["海丹"].ID
	fb, err := s.SubmitFeedback(ctx, democracy.NewFeedback{OrgID: vid, Name: "三组村民", Body: "村道什么时候开始硬化？", Addr: "demo-1"})
	if err != nil {
		return err
	}
	if _, err := s.ModerateFeedback(ctx, nil, fb.ID, true); err != nil {
		return err
	}
	if _, err := s.ReplyFeedback(ctx, nil, fb.ID, "已完工，欢迎监督。"); err != nil {
		return err
	}
	_, err = s.SubmitFeedback(ctx, democracy.NewFeedback{OrgID: vid, Body: "路灯安装在哪几个组？", Addr: "demo-2"})
	return err
}
