// Package demo fills an empty database with the seed's town: its sixteen
// village general branches, their group branches, the sites the plan
// names, industry organisations, posts with holders, and demo accounts.
package demo

import (
	"context"
	"fmt"
	"slices"
	"time"

	"dangjian/internal/auth"
	"dangjian/internal/day"
	"dangjian/internal/db"
	"dangjian/internal/org"
	"dangjian/internal/services"
)

// Village is one 村(社区)党总支 of the seed town with its group branches.
type Village struct {
	Name   string
	Groups []string
}

// Villages are the sixteen villages. 民家, 海戛, 海丹, 大坪 (new sites) and
// 岩头 (renovated) are named in the plan, as are the groups 民家一组/二组,
// 得戛一组…四组 and 秧田冲, 迤老黑, 大树脚; the others complete the count
// of 16 general branches and 143 group branches (134 + 6 new + 3 renovated).
var Villages = []Village{
	{"民家", groups("民家", 9)},
	{"海戛", groups("海戛", 9)},
	{"海丹", groups("海丹", 9)},
	{"大坪", groups("大坪", 9)},
	{"岩头", append([]string{"秧田冲", "迤老黑", "大树脚"}, groups("岩头", 6)...)},
	{"得戛", groups("得戛", 9)},
	{"大河", groups("大河", 9)},
	{"恩乐", groups("恩乐", 9)},
	{"沙田", groups("沙田", 9)},
	{"块泽", groups("块泽", 9)},
	{"庆丰", groups("庆丰", 9)},
	{"下营", groups("下营", 9)},
	{"坡头", groups("坡头", 9)},
	{"多乐", groups("多乐", 9)},
	{"补掌", groups("补掌", 9)},
	{"黄泥堡", groups("黄泥堡", 8)},
}

var numerals = []string{"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"}

// groups names n groups of a village: 民家一组, 民家二组 … as the plan
// names them.
func groups(village string, n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = village + numerals[i] + "组"
	}
	return out
}

// GroupBranchCount is the seed's number of group branches: 134 others, 6
// new and 3 renovated.
const GroupBranchCount = 143

// Accounts are the demo log-ins, one per role, printed at start-up.
type Account struct {
	Username, Name string
	Role           auth.Role
	Org            string // village name, "town" or a group name
}

// DemoPassword is every demo account's password.
const DemoPassword = "dangjian2026"

var Accounts = []Account{
	{"admin", "镇组织委员 李建国", auth.RoleTownAdmin, "town"},
	{"county", "县委组织部 王明", auth.RoleCountyAdmin, "county"},
	{"kuaiji", "三资代理服务中心 张丽", auth.RoleTownAccountant, "town"},
	{"haidan", "海丹村党总支书记", auth.RoleVillageLeader, "海丹"},
	{"haiga", "海戛村党总支书记", auth.RoleVillageLeader, "海戛"},
	{"minjia1", "民家一组支部书记", auth.RoleBranchSecretary, "民家一组"},
	{"zhongxin", "海丹村为民服务中心主任", auth.RoleCentreStaff, "海丹"},
	{"jiandu", "海丹村务监督委员会", auth.RoleSupervisor, "海丹"},
	{"daibiao", "海丹村民代表", auth.RoleRepresentative, "海丹"},
	MemberAccount,
}

// MemberAccount is the demo log-in of a party member of 民家一组; the
// member programme's demo step links it to a member on the roster.
var MemberAccount = Account{"dangyuan", "民家一组党员", auth.RoleMember, "民家一组"}

// Town is what Load built, for the later steps and for tests.
type Town struct {
	County   org.Org
	Town     org.Org
	Villages map[string]org.Org // by short name
	Groups   map[string]org.Org // by name, e.g. 民家一组
	Industry []org.Org
	UserIDs  map[string]int64 // demo accounts by username
	// partyHolders are the names of each organisation's party post
	// holders, secretary first: the roster makes them members.
	partyHolders map[int64][]string
}

// Load builds the demo town. It refuses to run on a database that
// already has organisations, so it never mixes with real data.
func Load(ctx context.Context, svc services.Services, log func(string, ...any)) (*Town, error) {
	var n int
	if err := svc.DB.QueryRowContext(ctx, `SELECT COUNT(*) FROM orgs`).Scan(&n); err != nil {
		return nil, err
	}
	if n > 0 {
		return nil, fmt.Errorf("the database already has %d organisations; the demo loads only into an empty one", n)
	}
	// Loading the town writes thousands of rows in many transactions: it
	// gets a bulk write's room instead of the serving memory limit.
	defer db.BulkMemory()()
	start := time.Now()
	t := &Town{Villages: map[string]org.Org{}, Groups: map[string]org.Org{}, UserIDs: map[string]int64{},
		partyHolders: map[int64][]string{}}
	var err error
	if t.County, err = svc.Org.Create(ctx, nil, org.NewOrg{Type: org.TypeCounty, Name: "富源县委", ShortName: "富源县"}); err != nil {
		return nil, err
	}
	if t.Town, err = svc.Org.Create(ctx, nil, org.NewOrg{ParentID: t.County.ID, Type: org.TypeTown, Name: "大河镇党委", ShortName: "大河镇"}); err != nil {
		return nil, err
	}
	for i, v := range Villages {
		vo, err := svc.Org.Create(ctx, nil, org.NewOrg{ParentID: t.Town.ID, Type: org.TypeGeneralBranch,
			Name: v.Name + "村党总支", ShortName: v.Name, SortOrder: i})
		if err != nil {
			return nil, err
		}
		t.Villages[v.Name] = vo
		for j, g := range v.Groups {
			gobj, err := svc.Org.Create(ctx, nil, org.NewOrg{ParentID: vo.ID, Type: org.TypeBranch,
				Name: g + "党支部", ShortName: g, SortOrder: j})
			if err != nil {
				return nil, err
			}
			t.Groups[g] = gobj
		}
	}
	industry := []struct {
		village, name string
		kind          org.IndustryType
	}{
		{"大河", "大河乌猪养殖专业合作社党支部", org.IndustryLeadingEnterprise},
		{"", "富源县大河煤矿党支部", org.IndustryCoalMine},
		{"", "大河镇重点项目建设服务党支部", org.IndustryKeyProject},
		{"海丹", "海丹魔芋种植专业合作社党支部", org.IndustrySpecialty},
		{"民家", "民家核桃产业党支部", org.IndustrySpecialty},
	}
	for _, in := range industry {
		parent := t.Town.ID
		if in.village != "" {
			parent = t.Villages[in.village].ID
		}
		o, err := svc.Org.Create(ctx, nil, org.NewOrg{ParentID: parent, Type: org.TypeIndustry, IndustryType: in.kind, Name: in.name})
		if err != nil {
			return nil, err
		}
		t.Industry = append(t.Industry, o)
	}
	for _, h := range []string{"大河镇则黑酒厂党员活动之家", "大河镇天麻种植企业党员活动之家"} {
		if _, err := svc.Org.Create(ctx, nil, org.NewOrg{ParentID: t.Town.ID, Type: org.TypeActivityHome, Name: h}); err != nil {
			return nil, err
		}
	}
	if err := assignHolders(ctx, svc, t); err != nil {
		return nil, err
	}
	if err := addAccounts(ctx, svc, t); err != nil {
		return nil, err
	}
	for _, step := range steps {
		if err := step(ctx, svc, t); err != nil {
			return nil, err
		}
	}
	log("demo town loaded", "villages", len(t.Villages), "groups", len(t.Groups), "took", time.Since(start).Round(time.Millisecond))
	return t, nil
}

// steps are the programmes' own demo data, run after the tree and the
// accounts exist, in the order their files register them (Go runs a
// package's init functions in file-name order: members, orglife's
// meetings, org, people); stepProgrammes names each step's programme.
var (
	steps          []func(ctx context.Context, svc services.Services, t *Town) error
	stepProgrammes []string
)

// register adds a programme's demo step; each programme's file calls it
// from its init.
func register(programme string, load func(ctx context.Context, svc services.Services, t *Town) error) {
	steps = append(steps, load)
	stepProgrammes = append(stepProgrammes, programme)
}

// Programmes lists the programmes whose demo data Load brings, in the
// order it loads them.
func Programmes() []string { return slices.Clone(stepProgrammes) }

// termStart is when the current village committees took office.
var termStart = day.New(2021, time.March, 1)

// assignHolders fills every post of every village and branch.
func assignHolders(ctx context.Context, svc services.Services, t *Town) error {
	g := &names{}
	var ids []int64
	for _, v := range Villages {
		ids = append(ids, t.Villages[v.Name].ID)
		for _, gr := range v.Groups {
			ids = append(ids, t.Groups[gr].ID)
		}
	}
	for _, o := range t.Industry {
		ids = append(ids, o.ID)
	}
	posts, err := svc.Org.PostOrgs(ctx, systemReader(t), ids)
	if err != nil {
		return err
	}
	for _, p := range posts {
		name := g.next()
		if _, err := svc.Org.Assign(ctx, nil, org.Assignment{PostID: p.ID, HolderName: name, StartedOn: termStart}); err != nil {
			return err
		}
		if p.Body == org.BodyParty {
			t.partyHolders[p.OrgID] = append(t.partyHolders[p.OrgID], name)
		}
	}
	return nil
}

// systemReader can read the whole demo county, for the loader's queries.
func systemReader(t *Town) *auth.Actor {
	return &auth.Actor{Username: "system", Bindings: []auth.Binding{{Role: auth.RoleCountyAdmin, OrgID: t.County.ID, OrgPath: t.County.Path}}}
}

func addAccounts(ctx context.Context, svc services.Services, t *Town) error {
	// Demo accounts use cheaper hashing so the demo starts in a second
	// on an old PC; real accounts keep the full cost.
	saved := svc.Auth.Password
	svc.Auth.Password = auth.PasswordParams{MemoryKiB: 8 * 1024, Time: 1, Threads: 1}
	defer func() { svc.Auth.Password = saved }()
	named := map[int64]bool{}
	for _, acc := range Accounts {
		orgID := t.orgOf(acc).ID
		name := acc.Name
		if holder, err := secretaryOf(ctx, svc, systemReader(t), orgID); err != nil {
			return err
		} else if holder != "" && !named[orgID] && (acc.Role == auth.RoleVillageLeader || acc.Role == auth.RoleBranchSecretary) {
			name = holder // the organisation's first such account is the person who holds the post
			named[orgID] = true
		}
		id, err := svc.Auth.AddUser(ctx, nil, auth.NewUser{Username: acc.Username, DisplayName: name,
			Password: DemoPassword, Role: acc.Role, OrgID: orgID})
		if err != nil {
			return fmt.Errorf("demo account %s: %w", acc.Username, err)
		}
		t.UserIDs[acc.Username] = id
	}
	return nil
}

// secretaryOf is the name of the current holder of an organisation's
// secretary post, or "" when it has none.
func secretaryOf(ctx context.Context, svc services.Services, reader *auth.Actor, orgID int64) (string, error) {
	posts, err := svc.Org.PostOrgs(ctx, reader, []int64{orgID})
	if err != nil {
		return "", err
	}
	for _, p := range posts {
		if org.IsSecretaryPost(p.Code) && p.Holder != nil {
			return p.Holder.HolderName, nil
		}
	}
	return "", nil
}

// orgOf is the organisation a demo account is bound to.
func (t *Town) orgOf(acc Account) org.Org {
	switch acc.Org {
	case "town":
		return t.Town
	case "county":
		return t.County
	}
	if v, ok := t.Villages[acc.Org]; ok {
		return v
	}
	return t.Groups[acc.Org]
}

// actorOf acts as a demo account, for records whose sense depends on who
// made them: a grant proposed by a branch secretary and approved by the
// town, never by its proposer.
func actorOf(t *Town, username string) *auth.Actor {
	for _, acc := range Accounts {
		if acc.Username == username {
			o := t.orgOf(acc)
			return &auth.Actor{UserID: t.UserIDs[username], Username: username, Name: acc.Name,
				Bindings: []auth.Binding{{Role: acc.Role, OrgID: o.ID, OrgPath: o.Path, TownID: o.TownID}}}
		}
	}
	panic("demo: no account " + username)
}
