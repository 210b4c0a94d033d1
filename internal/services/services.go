// Package services bundles the use-case services of every programme, so
// the web layer, the demo loader and the command line share one set built
// on one database. It holds no logic of its own.
package services

import (
	"dangjian/internal/appraisal"
	"dangjian/internal/auth"
	"dangjian/internal/centres"
	"dangjian/internal/commendation"
	"dangjian/internal/db"
	"dangjian/internal/democracy"
	"dangjian/internal/finance"
	"dangjian/internal/members"
	"dangjian/internal/org"
	"dangjian/internal/orglife"
	"dangjian/internal/people"
	"dangjian/internal/prosperity"
	"dangjian/internal/sites"
	"dangjian/internal/survey"
)

// Services are the use cases handlers and loaders call.
type Services struct {
	DB        *db.DB
	Clock     db.Clock
	Auth      *auth.Service
	Org       *org.Service
	People    *people.Service
	Members   *members.Service
	OrgLife   *orglife.Service
	Survey    *survey.Service
	Commend   *commendation.Service
	Democracy *democracy.Service
	Sites     *sites.Service
	Prosper   *prosperity.Service
	Finance   *finance.Service
	Centres   *centres.Service
	Assess    *appraisal.Service
}

// New builds every use-case service on one database; key seals personal
// identifiers.
func New(d *db.DB, clock db.Clock, key []byte) (Services, error) {
	ppl, err := people.NewService(d, clock, key)
	if err != nil {
		return Services{}, err
	}
	dem := democracy.NewService(d, clock)
	fin := finance.NewService(d, clock)
	fin.Decisions = financeDecisions{dem} // requests above the second limit need a passed 四议两公开 decision
	fin.Drafter = dem                     // the monthly 财务公开 goes to 五公开
	return Services{
		DB:        d,
		Clock:     clock,
		Auth:      auth.NewService(d, clock),
		Org:       &org.Service{DB: d, Clock: clock},
		People:    ppl,
		Members:   members.NewService(d, clock, ppl),
		OrgLife:   orglife.NewService(d, clock),
		Survey:    survey.NewService(d, clock, &org.Service{DB: d, Clock: clock}),
		Commend:   commendation.NewService(d, clock, dem), // results go to 党务公开
		Democracy: dem,
		Sites:     sites.NewService(d, clock),
		Prosper:   prosperity.NewService(d, clock),
		Finance:   fin,
		Centres:   centres.NewService(d, clock, &org.Service{DB: d, Clock: clock}),
		Assess:    appraisal.NewService(d, clock, &org.Service{DB: d, Clock: clock}),
	}, nil
}
