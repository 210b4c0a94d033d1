// Package people is the household and resident registry that most
// programmes share, and the sealing of personal identifiers they all use.
package people

import "dangjian/internal/db"

// Service is the registry's use cases.
type Service struct {
	DB     *db.DB
	Clock  db.Clock
	Sealer *Sealer
}

// NewService keeps the identifier key in a Sealer.
func NewService(d *db.DB, clock db.Clock, key []byte) (*Service, error) {
	s, err := NewSealer(key)
	if err != nil {
		return nil, err
	}
	return &Service{DB: d, Clock: clock, Sealer: s}, nil
}
