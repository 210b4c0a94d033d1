package account

import "dangjian/internal/apperr"

// asFormError lets login failures and throttling show on the form itself
// rather than on an error page.
func asFormError(err error) error {
	e := apperr.As(err)
	if e == nil {
		return err
	}
	switch e.Kind {
	case apperr.KindUnauthenticated, apperr.KindTooMany:
		return &apperr.Error{Kind: apperr.KindRuleViolation, Key: e.Key, Params: e.Params}
	}
	return err
}
