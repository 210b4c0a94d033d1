package day

// OpenAPISchema describes a Day in the API document: a date, or null for
// the zero Day.
func (Day) OpenAPISchema() map[string]any {
	return map[string]any{"type": "string", "format": "date", "nullable": true}
}
