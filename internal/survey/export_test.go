package survey

// ColumnsOf exposes the pooling rule to the tests.
func ColumnsOf(groups []GroupInfo) ([]Column, []Group, int) {
	cols, _, hidden, n := columnsOf(groups)
	return cols, hidden, n
}
