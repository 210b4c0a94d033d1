package org

import "dangjian/internal/i18n"

// i18nKey marks a rule parameter to be translated where it is shown.
func i18nKey(k string) i18n.Key { return i18n.Key(k) }
