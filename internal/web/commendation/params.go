package commendation

import "strconv"

// showPath is a commendation's page.
func showPath(id int64) string { return "/commendations/" + strconv.FormatInt(id, 10) }
