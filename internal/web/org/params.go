package org

import (
	"dangjian/internal/apperr"
	"dangjian/internal/day"
	"dangjian/internal/web"
)

// jsonDay reads a YYYY-MM-DD field of a JSON body as a calendar day,
// recording a malformed one in f as the kit's JSON dates do.
func jsonDay(f apperr.Fields, field, s string) day.Day {
	return day.Of(web.JSONDateInto(f, field, s))
}
