package web

// QueuedRequests is how many requests wait at the server's gate.
func (s *Server) QueuedRequests() int { return s.gate.queued() }

// FreePlaces is how many more requests the gate would let in at once.
func (s *Server) FreePlaces() int {
	s.gate.mu.Lock()
	defer s.gate.mu.Unlock()
	return s.gate.free
}
