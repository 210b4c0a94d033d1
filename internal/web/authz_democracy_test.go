package web_test

// Village democracy's lists and writes are a village's: matters, 村民代表,
// 一事一议 projects and 五公开 items belong to a 村党总支, so the matrix
// asks them of the village at or above each place (see villageOnly).
func init() {
	for _, key := range []string{
		"GET /matters", "GET /api/v1/matters", "GET /representatives", "GET /projects", "GET /disclosures",
		"POST /matters", "POST /api/v1/matters", "POST /representatives", "POST /projects", "POST /disclosures",
	} {
		villageOnly[key] = true
	}
}
