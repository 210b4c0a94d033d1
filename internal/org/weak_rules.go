package org

import (
	"dangjian/internal/apperr"
	"dangjian/internal/day"
)

// The 软弱涣散 rules by name. Each violation carries the dates that
// explain it and, where a date gates the step, the first day it works.
const (
	// RuleWeakDeadlineAfterFlag: the rectification deadline lies after
	// the day the organisation was flagged.
	RuleWeakDeadlineAfterFlag = "weak.deadline_after_flag"
	// RuleWeakOneOpen: an organisation has at most one open flag; the
	// running rectification is revised, not doubled.
	RuleWeakOneOpen = "weak.one_open"
	// RuleWeakCloseAfterFlag: a rectification closes on or after the
	// day it was flagged.
	RuleWeakCloseAfterFlag = "weak.close_after_flag"
	// RuleWeakNotFuture: a flag or a closing is recorded when it has
	// happened, not ahead of time.
	RuleWeakNotFuture = "weak.not_future"
	// RuleWeakClosed: a closed rectification is history and stays as it is.
	RuleWeakClosed = "weak.closed"
	// RuleWeakOrgType: only party organisations below the town are flagged.
	RuleWeakOrgType = "weak.org_type"
)

func checkDeadlineAfterFlag(flagged, deadline day.Day) error {
	if deadline.After(flagged) {
		return nil
	}
	return apperr.Rule(RuleWeakDeadlineAfterFlag, apperr.Params{
		"flagged_on": flagged, "deadline": deadline, "earliest": flagged.AddDays(1)})
}

func checkCloseAfterFlag(flagged, closed day.Day) error {
	if !closed.Before(flagged) {
		return nil
	}
	return apperr.Rule(RuleWeakCloseAfterFlag, apperr.Params{"flagged_on": flagged, "closed_on": closed})
}

func checkNotFuture(on, today day.Day) error {
	if !on.After(today) {
		return nil
	}
	return apperr.Rule(RuleWeakNotFuture, apperr.Params{"date": on, "today": today})
}

func oneOpenViolation(open WeakFlag) error {
	return apperr.Rule(RuleWeakOneOpen, apperr.Params{"org": open.OrgName, "flagged_on": open.FlaggedOn,
		"deadline": open.Deadline})
}
