package openapi

import (
	"path"
	"reflect"
	"regexp"
	"strconv"
	"strings"
)

var (
	pkgPathPrefix = regexp.MustCompile(`[A-Za-z0-9_.\-~]+/`)
	unsafeNameRun = regexp.MustCompile(`[^A-Za-z0-9._\-]+`)
)

// componentNames names the named struct types, given in order of first
// use. A type is called by its Go name; when two types share one, both
// are qualified by their package (members.Member), and types that still
// collide, such as two types declared in functions of one package, are
// numbered in order of use.
func componentNames(types []reflect.Type) map[reflect.Type]string {
	byBase := map[string]int{}
	for _, t := range types {
		byBase[baseName(t)]++
	}
	names := map[reflect.Type]string{}
	taken := map[string]bool{}
	for _, t := range types {
		n := baseName(t)
		if byBase[n] > 1 {
			n = sanitize(path.Base(t.PkgPath())) + "." + n
		}
		unique := n
		for i := 2; taken[unique]; i++ {
			unique = n + strconv.Itoa(i)
		}
		taken[unique] = true
		names[t] = unique
	}
	return names
}

// baseName is the type's name made safe for a component key: generic
// arguments lose their package paths, Page[dangjian/x/members.Member]
// becomes Page_members.Member.
func baseName(t reflect.Type) string {
	return sanitize(pkgPathPrefix.ReplaceAllString(t.Name(), ""))
}

func sanitize(s string) string {
	return strings.Trim(unsafeNameRun.ReplaceAllString(s, "_"), "_")
}
