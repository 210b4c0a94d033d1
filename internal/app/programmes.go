package app

import (
	"dangjian/internal/web"
	"dangjian/internal/web/account"
	appraisalweb "dangjian/internal/web/appraisal"
	"dangjian/internal/web/auditlog"
	centresweb "dangjian/internal/web/centres"
	commendweb "dangjian/internal/web/commendation"
	democracyweb "dangjian/internal/web/democracy"
	financeweb "dangjian/internal/web/finance"
	membersweb "dangjian/internal/web/members"
	orgweb "dangjian/internal/web/org"
	"dangjian/internal/web/orglife"
	peopleweb "dangjian/internal/web/people"
	"dangjian/internal/web/prosperity"
	"dangjian/internal/web/sites"
	surveyweb "dangjian/internal/web/survey"
)

// Programmes is the one list of what the web application is made of, in
// menu and organisation-page order. Adding a programme is one line here;
// docs/programme-guide.md lists what else the programme brings with it.
var Programmes = []web.Builder{
	account.New,
	auditlog.New,
	orgweb.New,
	peopleweb.New,
	membersweb.New,
	orglife.New,
	surveyweb.New,
	commendweb.New,
	democracyweb.New,
	sites.New,
	prosperity.New,
	financeweb.New,
	centresweb.New,
	appraisalweb.New,
}
