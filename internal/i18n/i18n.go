// Package i18n translates message keys into Chinese (the default) or
// English. Each programme registers its own catalog file so packages can
// grow side by side without touching one shared list.
package i18n

import (
	"fmt"
	"sort"
	"strings"
	"sync"
)

// Lang is a supported language code.
type Lang string

const (
	ZH Lang = "zh"
	EN Lang = "en"
)

// Parse returns the language named by s, defaulting to Chinese.
func Parse(s string) Lang {
	if strings.HasPrefix(strings.ToLower(s), "en") {
		return EN
	}
	return ZH
}

var (
	mu      sync.RWMutex
	catalog = map[Lang]map[string]string{ZH: {}, EN: {}}
)

// Register adds messages: each key maps to {zh, en}. Called from init
// functions in catalog_*.go files; a duplicate key is a programming error.
func Register(msgs map[string][2]string) {
	mu.Lock()
	defer mu.Unlock()
	for k, v := range msgs {
		if _, dup := catalog[ZH][k]; dup {
			panic("i18n: duplicate key " + k)
		}
		catalog[ZH][k] = v[0]
		catalog[EN][k] = v[1]
	}
}

// Has reports whether key is in the catalog.
func Has(key string) bool {
	mu.RLock()
	defer mu.RUnlock()
	_, ok := catalog[ZH][key]
	return ok
}

// Keys lists every registered key, sorted.
func Keys() []string {
	mu.RLock()
	defer mu.RUnlock()
	out := make([]string, 0, len(catalog[ZH]))
	for k := range catalog[ZH] {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// T translates key, replacing {name} with params[name]. An unknown key is
// returned as is, so a missing translation is visible but never fatal.
func T(lang Lang, key string, params map[string]any) string {
	mu.RLock()
	msg, ok := catalog[lang][key]
	if !ok || msg == "" {
		msg, ok = catalog[ZH][key]
	}
	mu.RUnlock()
	if !ok {
		return key
	}
	if len(params) == 0 || !strings.Contains(msg, "{") {
		return msg
	}
	var b strings.Builder
	for {
		i := strings.IndexByte(msg, '{')
		if i < 0 {
			b.WriteString(msg)
			break
		}
		j := strings.IndexByte(msg[i:], '}')
		if j < 0 {
			b.WriteString(msg)
			break
		}
		b.WriteString(msg[:i])
		name := msg[i+1 : i+j]
		if v, ok := params[name]; ok {
			b.WriteString(format(lang, v))
		} else {
			b.WriteString(msg[i : i+j+1])
		}
		msg = msg[i+j+1:]
	}
	return b.String()
}

// format renders a parameter; a value that is itself a message key
// (Key) is translated so rule messages can name posts, grades and so on.
func format(lang Lang, v any) string {
	switch x := v.(type) {
	case Key:
		return T(lang, string(x), nil)
	case interface{ Format(string) string }:
		return x.Format("2006-01-02")
	default:
		return fmt.Sprint(v)
	}
}

// Key marks a parameter value that should itself be translated.
type Key string
