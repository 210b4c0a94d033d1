package appraisal

import "strconv"

// showPath is a round's page.
func showPath(id int64) string { return "/appraisals/" + strconv.FormatInt(id, 10) }
