package web

// Exported for the route walks in package web_test (authz_test.go).

// IsPublic reports whether anyone may reach the route without logging in.
func (r route) IsPublic() bool { return r.Access == public }

// TakesToken reports whether the route accepts an API bearer token.
func (r route) TakesToken() bool { return r.Access == apiUser }
