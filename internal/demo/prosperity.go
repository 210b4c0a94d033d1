package demo

import (
	"context"
	"database/sql"

	"dangjian/internal/day"
	"dangjian/internal/db"
	"dangjian/internal/people"
	"dangjian/internal/prosperity"
	"dangjian/internal/services"
)

func init() { register("prosperity", loadProsperity) }

// villageIndustries are the seed's 一村一品 (大河乌猪, 魔芋, 核桃) and
// specialties (天麻, 速助梨, 则黑酒), each in a village of the town.
var villageIndustries = []struct {
	village, name string
	kind          prosperity.IndustryKind
	coop          string // its cooperative, led by the industry party organisation of the same village
}{
	{"大河", "大河乌猪", prosperity.IndustryOneProduct, "大河乌猪养殖专业合作社"},
	{"海丹", "魔芋", prosperity.IndustryOneProduct, "海丹魔芋种植专业合作社"},
	{"民家", "核桃", prosperity.IndustryOneProduct, "民家核桃专业合作社"},
	{"坡头", "天麻", prosperity.IndustrySpecialty, ""},
	{"沙田", "速助梨", prosperity.IndustrySpecialty, ""},
	{"大河", "则黑酒", prosperity.IndustrySpecialty, ""},
}

// loadProsperity tells the seed's §2: the industries and cooperatives of
// the 支部+产业+专业合作组织+农户 model with about two in five households
// enrolled, what each industry party organisation is set up in, and in
// every village the four kinds of training: 绿色证书 certifies one person
// in seven households of ten (the households without a 科技明白人 are
// listed), 科技下乡 teaches two in three young adults a skill, 两校进村 and
// 远程教育 reach a few more.
func loadProsperity(ctx context.Context, svc services.Services, t *Town) error {
	today := day.Today(svc.Clock)
	p := svc.Prosper
	coops := map[string]prosperity.Cooperative{}
	for _, vi := range villageIndustries {
		v := t.Villages[vi.village]
		ind, err := p.AddIndustry(ctx, nil, v.ID, vi.name, vi.kind, "")
		if err != nil {
			return err
		}
		if vi.coop == "" {
			continue
		}
		var branch int64
		for _, o := range t.Industry {
			if o.ParentID == v.ID {
				branch = o.ID
			}
		}
		c, err := p.AddCooperative(ctx, nil, prosperity.NewCooperative{IndustryID: ind.ID, BranchID: branch, Name: vi.coop})
		if err != nil {
			return err
		}
		coops[vi.village] = c
		hs, err := householdsOf(ctx, svc.DB, v.ID)
		if err != nil {
			return err
		}
		var enrol []int64
		for i, h := range hs {
			if i%5 < 2 {
				enrol = append(enrol, h)
			}
		}
		if _, err := p.Enrol(ctx, nil, c.ID, enrol, today.AddMonths(-8)); err != nil {
			return err
		}
	}
	for _, o := range t.Industry {
		kind, name, coop := prosperity.AttachedEnterprise, o.Name, int64(0)
		switch o.IndustryType {
		case "coal_mine":
			kind, name = prosperity.AttachedMine, "富源县大河煤矿"
		case "key_project":
			kind, name = prosperity.AttachedProject, "大河镇集镇建设重点项目"
		default:
			for village, c := range coops {
				if t.Villages[village].ID == o.ParentID {
					kind, name, coop = prosperity.AttachedCooperative, c.Name, c.ID
				}
			}
		}
		if _, err := p.Attach(ctx, nil, o.ID, kind, name, coop); err != nil {
			return err
		}
	}
	for vi, v := range Villages {
		if err := villageTrainings(ctx, svc, t.Villages[v.Name].ID, vi, today); err != nil {
			return err
		}
	}
	return nil
}

// villageTrainings runs the four kinds of training in one village.
func villageTrainings(ctx context.Context, svc services.Services, villageID int64, vi int, today day.Day) error {
	rs, err := residentsOf(ctx, svc.DB, villageID)
	if err != nil {
		return err
	}
	var certified, young, school, distance []int64
	seenHousehold := map[int64]bool{}
	for i, r := range rs {
		age := people.AgeOn(r.born, today)
		if !seenHousehold[r.household] && age >= 18 && age <= 65 {
			seenHousehold[r.household] = true
			if (r.household+int64(vi))%10 < 7 {
				certified = append(certified, r.id)
			}
		}
		if age >= 18 && age <= 45 && i%3 != 0 {
			young = append(young, r.id)
		}
		if age >= 18 && age <= 60 && i%17 == 0 {
			school = append(school, r.id)
		}
		if age >= 18 && age <= 40 && i%23 == 1 {
			distance = append(distance, r.id)
		}
	}
	courses := []struct {
		kind      prosperity.TrainingKind
		title     string
		trainer   string
		skill     string
		certifies bool
		months    int // started this many months ago
		sessions  []string
		attendees []int64
		complete  bool
	}{
		{prosperity.KindGreenCert, "绿色证书培训", "县农业技术推广中心", "种养殖实用技术（绿色证书）", true, 6, []string{"种植技术", "养殖与防疫"}, certified, true},
		{prosperity.KindTechVisit, "科技下乡：果树修剪与病虫害防治", "县林业和草原局", "果树修剪与病虫害防治", false, 4, []string{"现场示范"}, young, true},
		{prosperity.KindTwoSchools, "“两校”进村：农村实用技术", "县委党校、县职业技术学校", "农村实用技术", false, 3, []string{"集中授课"}, school, true},
		{prosperity.KindDistance, "远程教育站点辅导：农村电商", "村远程教育站点管理员", "农村电商", false, 1, []string{"网上开店与物流"}, distance, false},
	}
	for _, c := range courses {
		if len(c.attendees) == 0 {
			continue
		}
		started := today.AddMonths(-c.months)
		tr, err := svc.Prosper.CreateTraining(ctx, nil, prosperity.NewTraining{VillageID: villageID, Kind: c.kind, Title: c.title,
			Trainer: c.trainer, Skill: c.skill, Certifies: c.certifies, StartedOn: started})
		if err != nil {
			return err
		}
		for i, topic := range c.sessions {
			if _, err := svc.Prosper.RecordSession(ctx, nil, prosperity.NewSession{TrainingID: tr.ID, HeldOn: started.AddDays(i * 14),
				Topic: topic, Hours: 4, ResidentIDs: c.attendees}); err != nil {
				return err
			}
		}
		if c.complete {
			if _, err := svc.Prosper.Complete(ctx, nil, tr.ID, c.attendees, started.AddDays(len(c.sessions)*14)); err != nil {
				return err
			}
		}
	}
	return nil
}

type demoResident struct {
	id, household int64
	born          day.Day
}

func residentsOf(ctx context.Context, d *db.DB, villageID int64) ([]demoResident, error) {
	rows, err := d.QueryContext(ctx, `SELECT r.id, r.household_id, r.birth_date FROM residents r JOIN orgs o ON o.id = r.org_id
		WHERE o.id = $1 OR o.parent_id = $1 ORDER BY r.id`, villageID)
	if err != nil {
		return nil, err
	}
	return db.Collect(rows, func(r *sql.Rows, x *demoResident) error { return r.Scan(&x.id, &x.household, &x.born) })
}

func householdsOf(ctx context.Context, d *db.DB, villageID int64) ([]int64, error) {
	rows, err := d.QueryContext(ctx, `SELECT h.id FROM households h JOIN orgs o ON o.id = h.org_id
		WHERE o.id = $1 OR o.parent_id = $1 ORDER BY h.id`, villageID)
	if err != nil {
		return nil, err
	}
	return db.Collect(rows, func(r *sql.Rows, id *int64) error { return r.Scan(id) })
}
