package web

// meetingRoutes are 三会一课 and other meetings, compliance and overdue
// lists, 设岗定责, 评星授旗, 民主评议, 谏言献策 and the care fund.
func (s *Server) meetingRoutes() []route { return nil }

var meetingAPIDocs = map[string]apiDoc{}
