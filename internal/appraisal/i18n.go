package appraisal

import "dangjian/internal/i18n"

// i18nKey makes a message parameter that is itself translated.
func i18nKey(k string) i18n.Key { return i18n.Key(k) }
