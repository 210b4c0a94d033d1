package centres

import "dangjian/internal/i18n"

func msgKey(k string) i18n.Key { return i18n.Key(k) }
