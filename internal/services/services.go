// Package services bundles the use-case services of every programme, so
// the web layer, the demo loader and the command line share one set built
// on one database. It holds no logic of its own.
package services

import (
	"dangjian/internal/appraisal"
	"dangjian/internal/auth"
	"dangjian/internal/commendation"
	"dangjian/internal/db"
	"dangjian/internal/members"
	"dangjian/internal/org"
	"dangjian/internal/orglife"
	"dangjian/internal/people"
	"dangjian/internal/survey"
)

// Services are the use cases handlers and loaders call.
type Services struct {
	DB      *db.DB
	Clock   db.Clock
	Auth    *auth.Service
	Org     *org.Service
	People  *people.Service
	Members *members.Service
	OrgLife *orglife.Service
	Survey  *survey.Service
	Commend *commendation.Service
	Assess  *appraisal.Service
}

// New builds every use-case service on one database; key seals personal
// identifiers.
func New(d *db.DB, clock db.Clock, key []byte) (Services, error) {
	ppl, err := people.NewService(d, clock, key)
	if err != nil {
		return Services{}, err
	}
	return Services{
		DB:      d,
		Clock:   clock,
		Auth:    auth.NewService(d, clock),
		Org:     &org.Service{DB: d, Clock: clock},
		People:  ppl,
		Members: members.NewService(d, clock, ppl),
		OrgLife: orglife.NewService(d, clock),
		Survey:  survey.NewService(d, clock, &org.Service{DB: d, Clock: clock}),
		Commend: commendation.NewService(d, clock, nil), // 党务公开: the disclosure programme's Drafter
		Assess:  appraisal.NewService(d, clock, &org.Service{DB: d, Clock: clock}),
	}, nil
}
