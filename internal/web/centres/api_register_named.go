package centres

import "net/http"

// The API's register operations, one named handler each (operation ids
// come from handler names); each sets the register and calls the shared one.

func (h *handlers) apiKeyList(w http.ResponseWriter, r *http.Request) error {
	return with("register", "key", h.apiRegisterList)(w, r)
}

func (h *handlers) apiKeyCreate(w http.ResponseWriter, r *http.Request) error {
	return with("register", "key", h.apiRegisterCreate)(w, r)
}

func (h *handlers) apiKeyDue(w http.ResponseWriter, r *http.Request) error {
	return with("register", "key", h.apiRegisterDue)(w, r)
}

func (h *handlers) apiKeyExport(w http.ResponseWriter, r *http.Request) error {
	return with("register", "key", h.registerExport)(w, r)
}

func (h *handlers) apiVulnerableList(w http.ResponseWriter, r *http.Request) error {
	return with("register", "vulnerable", h.apiRegisterList)(w, r)
}

func (h *handlers) apiVulnerableCreate(w http.ResponseWriter, r *http.Request) error {
	return with("register", "vulnerable", h.apiRegisterCreate)(w, r)
}

func (h *handlers) apiVulnerableDue(w http.ResponseWriter, r *http.Request) error {
	return with("register", "vulnerable", h.apiRegisterDue)(w, r)
}

func (h *handlers) apiVulnerableExport(w http.ResponseWriter, r *http.Request) error {
	return with("register", "vulnerable", h.registerExport)(w, r)
}
