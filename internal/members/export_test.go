package members

// PlaceKept reports whether the service holds an organisation's place in
// memory.
func PlaceKept(s *Service, orgID int64) bool {
	s.places.mu.RLock()
	defer s.places.mu.RUnlock()
	_, ok := s.places.m[orgID]
	return ok
}
