package i18n

// Message is the raw catalog entry of key in lang, for the catalog tests
// in package i18n_test (which load every programme's catalog through app).
func Message(lang Lang, key string) (string, bool) {
	mu.RLock()
	defer mu.RUnlock()
	m, ok := catalog[lang][key]
	return m, ok
}
