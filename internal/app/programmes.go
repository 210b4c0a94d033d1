package app

import (
	"dangjian/internal/web"
	"dangjian/internal/web/account"
	"dangjian/internal/web/auditlog"
	centresweb "dangjian/internal/web/centres"
	membersweb "dangjian/internal/web/members"
	orgweb "dangjian/internal/web/org"
	"dangjian/internal/web/orglife"
	peopleweb "dangjian/internal/web/people"
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
	centresweb.New,
}
