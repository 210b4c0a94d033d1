// Package people is the household and resident registry that most
// programmes share.
package people

import "dangjian/internal/db"

// Service is the registry's use cases.
type Service struct {
	DB    *db.DB
	Clock db.Clock
	key   []byte
}

// NewService keeps the identifier encryption key.
func NewService(d *db.DB, clock db.Clock, key []byte) (*Service, error) {
	return &Service{DB: d, Clock: clock, key: key}, nil
}
