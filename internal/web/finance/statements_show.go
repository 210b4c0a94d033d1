package finance

import (
	"net/http"
)

// statementsShow is a month's 资产负债表 and 收益及收益分配表.
func (h *handlers) statementsShow(w http.ResponseWriter, r *http.Request) error {
	return h.villagePage(w, r, "finance_statements", func(r *http.Request, orgID int64) (map[string]any, error) {
		s, err := h.statements(r, orgID)
		if err != nil {
			return nil, err
		}
		return map[string]any{"S": s}, nil
	})
}
