package demo

import (
	"context"
	"database/sql"
	"fmt"

	"dangjian/internal/centres"
	"dangjian/internal/day"
	"dangjian/internal/db"
	"dangjian/internal/services"
)

// The file name sorts after people.go: the centres' records name the
// residents the people step registered.
func init() { register("centres", loadCentres) }

// loadCentres gives every village's centres their work, dated from today:
// mediation cases (two open, one of them overdue in every third village,
// and one closed with its agreement and follow-up), 民情信息 over the
// year, a 接待日 rota, a 村企信息共享 note, key and vulnerable group
// registers with visits made and visits due or overdue, and 民事代办
// requests at every stage (one overdue in 海丹).
func loadCentres(ctx context.Context, svc services.Services, t *Town) error {
	s := svc.Centres
	today := day.Today(svc.Clock)
	for i, v := range Villages {
		vid := t.Villages[v.Name].ID
		res, err := villageResidents(ctx, svc.DB, vid, 12)
		if err != nil {
			return err
		}
		if len(res) < 12 {
			return fmt.Errorf("demo: %s has only %d residents", v.Name, len(res))
		}
		overdue := i%3 == 0
		opened := today.AddDays(-10)
		if overdue {
			opened = today.AddDays(-40)
		}
		if _, err := s.OpenCase(ctx, nil, centres.NewCase{OrgID: vid, Source: "letter_visit", Category: "land",
			Title: v.Name + "村宅基地边界纠纷", Summary: "两户因宅基地边界发生争执，来访要求调解。", OpenedOn: opened,
			ResidentIDs: res[0:2]}); err != nil {
			return err
		}
		if _, err := s.OpenCase(ctx, nil, centres.NewCase{OrgID: vid, Source: "reception_day", Category: "neighbour",
			Title: "排水沟堵塞引发邻里矛盾", OpenedOn: today.AddDays(-3), ResidentIDs: res[2:3], OtherNames: []string{"外村 王师傅"}}); err != nil {
			return err
		}
		c, err := s.OpenCase(ctx, nil, centres.NewCase{OrgID: vid, Source: "talk", Category: "family",
			Title: "赡养老人费用分担", OpenedOn: today.AddDays(-60), ResidentIDs: res[3:5]})
		if err != nil {
			return err
		}
		if _, err := s.AddSession(ctx, nil, c.ID, centres.SessionInput{HeldOn: today.AddDays(-55), Mediator: "综治调解员",
			Note: "分别听取兄弟二人意见，讲解赡养义务。"}); err != nil {
			return err
		}
		if _, err := s.CloseCase(ctx, nil, c.ID, centres.Closing{ClosedOn: today.AddDays(-50), Outcome: "agreed",
			Agreement: "兄弟二人按月各承担老人生活费三百元，医疗费平摊。"}); err != nil {
			return err
		}
		if _, err := s.RecordFollowUp(ctx, nil, c.ID, centres.FollowUp{On: today.AddDays(-20), Note: "协议履行良好。"}); err != nil {
			return err
		}
		for m := 0; m < 6; m++ {
			on := today.AddDays(-25 * m)
			if on.Year() != today.Year() {
				break
			}
			if _, err := s.AddInfo(ctx, nil, centres.NewInfo{OrgID: vid, Category: centres.InfoCategories[(i+m)%len(centres.InfoCategories)],
				NotedOn: on, Summary: "村民反映：" + []string{"村道路灯不亮", "灌溉用水紧张", "希望开展种养技术培训", "垃圾清运不及时", "医保缴费咨询", "夜间有外来车辆"}[m]}); err != nil {
				return err
			}
		}
		for w := 0; w < 4; w++ {
			if _, err := s.PlanReceptionDay(ctx, nil, centres.NewReceptionDay{OrgID: vid, On: today.AddDays(7*w + 1),
				Cadre: []string{"村委会主任", "党总支书记", "综治办副主任", "村委会副主任"}[w]}); err != nil {
				return err
			}
		}
		if _, err := s.AddEnterpriseNote(ctx, nil, centres.NewEnterpriseNote{OrgID: vid, Enterprise: "大河乌猪养殖专业合作社",
			NotedOn: today.AddDays(-15), Note: "合作社需临时用工 10 人，村里推荐了 6 名农户。"}); err != nil {
			return err
		}
		if err := demoRegisters(ctx, s, vid, res[5:12], today, overdue); err != nil {
			return err
		}
		if err := demoRequests(ctx, s, vid, v.Name, today, v.Name == "海丹"); err != nil {
			return err
		}
		if err := demoCulture(ctx, s, vid, v.Name, res, today); err != nil {
			return err
		}
	}
	return nil
}

// demoRegisters puts two people on the key-group register and three on
// the vulnerable-group one, with visits made and the next ones due.
func demoRegisters(ctx context.Context, s *centres.Service, vid int64, res []int64, today day.Day, overdue bool) error {
	entries := []centres.NewEntry{
		{Register: centres.RegisterKey, Category: "released", VisitDays: 30},
		{Register: centres.RegisterKey, Category: "petitioner", VisitDays: 14},
		{Register: centres.RegisterVulnerable, Category: "left_behind_child", VisitDays: 30},
		{Register: centres.RegisterVulnerable, Category: "lonely_elderly", VisitDays: 14},
		{Register: centres.RegisterVulnerable, Category: "hardship", VisitDays: 60},
	}
	for j, in := range entries {
		in.OrgID, in.ResidentID, in.Since = vid, res[j], today.AddDays(-200)
		in.FirstDue = today.AddDays(-150)
		e, err := s.AddEntry(ctx, nil, in)
		if err != nil {
			return err
		}
		next := today.AddDays(3 + 20*j) // due within a week for the first, later for the rest
		if overdue && j%2 == 1 {
			next = today.AddDays(-5) // missed
		}
		if _, err := s.RecordVisit(ctx, nil, e.ID, centres.VisitInput{VisitedOn: today.AddDays(-30), Visitor: "中心工作人员",
			Note: "上门了解近况，身体和生活情况稳定。", Help: []string{"", "", "学习用品一套", "米面油", "临时救助金"}[j],
			HelpFen: []int64{0, 0, 12000, 15000, 50000}[j], NextDue: next}); err != nil {
			return err
		}
	}
	return nil
}

// demoRequests files three 代办 per village, one on the portal: one
// closed, one accepted, one just filed; the
// accepted one is past its deadline in 海丹.
func demoRequests(ctx context.Context, s *centres.Service, vid int64, village string, today day.Day, late bool) error {
	filed := today.AddDays(-2)
	if late {
		filed = today.AddDays(-12)
	}
	done, _, err := s.FileAtOffice(ctx, nil, centres.NewRequest{OrgID: vid, Kind: "certificate", Applicant: village + "村民 张大妈",
		Details: "开具居住证明，用于孙子入学。", FiledOn: today.AddDays(-20)})
	if err != nil {
		return err
	}
	for _, to := range []string{centres.StageAccepted, centres.StageHandled, centres.StageClosed} {
		if _, err := s.Advance(ctx, nil, done.ID, to, "已办好，请到村委会领取。"); err != nil {
			return err
		}
	}
	open, _, err := s.FileAtOffice(ctx, nil, centres.NewRequest{OrgID: vid, Kind: "medical_insurance", Applicant: village + "村民 李大爷",
		Details: "代缴明年的城乡居民医疗保险。", FiledOn: filed})
	if err != nil {
		return err
	}
	if _, err := s.Advance(ctx, nil, open.ID, centres.StageAccepted, "已受理，正在联系镇社保所。"); err != nil {
		return err
	}
	_, _, err = s.FileOnline(ctx, "", centres.NewRequest{OrgID: vid, Kind: "subsidy", Applicant: village + "村民 王二",
		Phone: "13800000000", Details: "咨询并代办耕地地力保护补贴。"})
	return err
}

// demoCulture gives the 文化活动中心 an activity, a performer and a
// heritage bearer, the 村规民约 (a second version in 海丹) and a 农家书屋
// of three titles with two loans, one of them overdue.
func demoCulture(ctx context.Context, s *centres.Service, vid int64, village string, res []int64, today day.Day) error {
	if _, err := s.RecordActivity(ctx, nil, centres.NewActivity{OrgID: vid, Title: "农民文艺汇演", HeldOn: today.AddDays(-12),
		Place: village + "村文化广场", Attendance: 120}); err != nil {
		return err
	}
	if _, err := s.AddCulturePerson(ctx, nil, vid, res[5], "performer", "花灯戏"); err != nil {
		return err
	}
	if _, err := s.AddCulturePerson(ctx, nil, vid, res[6], "heritage_bearer", "彝族刺绣"); err != nil {
		return err
	}
	if _, err := s.AdoptRules(ctx, nil, vid, today.AddDays(-400), "一、爱党爱国，遵纪守法。二、邻里和睦，互帮互助。三、移风易俗，红白喜事从简。"); err != nil {
		return err
	}
	if village == "海丹" {
		if _, err := s.AdoptRules(ctx, nil, vid, today.AddDays(-30), "一、爱党爱国，遵纪守法。二、邻里和睦，互帮互助。三、移风易俗，红白喜事从简。四、垃圾分类，门前三包。"); err != nil {
			return err
		}
	}
	var books []centres.Book
	for _, b := range []struct{ isbn, title string }{
		{"9787109131477", "玉米高产栽培技术"}, {"9787508090429", "农村常用法律知识问答"}, {"7-02-000220-X", "红楼梦"},
	} {
		book, err := s.AddBooks(ctx, nil, vid, b.isbn, b.title, 2)
		if err != nil {
			return err
		}
		books = append(books, book)
	}
	if _, err := s.Lend(ctx, nil, books[0].ID, res[7], today.AddDays(-10)); err != nil {
		return err
	}
	_, err := s.Lend(ctx, nil, books[1].ID, res[8], today.AddDays(-40)) // past its 30 days
	return err
}

// villageResidents lists the first n residents of a village's groups.
func villageResidents(ctx context.Context, q db.Queryer, villageID int64, n int) ([]int64, error) {
	rows, err := q.QueryContext(ctx, `SELECT r.id FROM residents r JOIN orgs o ON o.id = r.org_id
		WHERE o.id = $1 OR o.parent_id = $1 ORDER BY r.id LIMIT $2`, villageID, n)
	if err != nil {
		return nil, err
	}
	return db.Collect(rows, func(r *sql.Rows, id *int64) error { return r.Scan(id) })
}
