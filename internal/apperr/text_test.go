package apperr

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

func TestText(t *testing.T) {
	cases := []struct {
		name, in  string
		max       int
		required  bool
		multiline bool
		want      string // the field's message key, "" for none
		out       string
	}{
		{"trimmed", "  张三 ", 10, true, false, "", "张三"},
		{"required and empty", "   ", 10, true, false, "error.required", ""},
		{"optional and empty", "", 10, false, false, "", ""},
		{"counts characters, not bytes", "一二三四五", 5, true, false, "", "一二三四五"},
		{"too long", "一二三四五六", 5, true, false, "error.too_long", "一二三四五六"},
		{"NUL", "张\x00三", 10, true, false, "error.text_chars", "张\x00三"},
		{"escape", "张\x1b[31m三", 20, true, false, "error.text_chars", "张\x1b[31m三"},
		{"right-to-left override", "张\u202e三", 10, true, false, "error.text_chars", "张\u202e三"},
		{"left-to-right embedding", "\u202a张三", 10, true, false, "error.text_chars", "\u202a张三"},
		{"first isolate", "张\u2068三", 10, true, false, "error.text_chars", "张\u2068三"},
		{"pop isolate", "张\u2069三", 10, true, false, "error.text_chars", "张\u2069三"},
		{"newline in a name", "张\n三", 10, true, false, "error.text_chars", "张\n三"},
		{"newline in prose", "第一行\r\n第二行\t完", 20, true, true, "", "第一行\r\n第二行\t完"},
		{"override in prose", "第一行\n\u202e", 20, true, true, "error.text_chars", "第一行\n\u202e"},
		{"NUL in prose", "a\x00b", 20, true, true, "error.text_chars", "a\x00b"},
		{"invalid UTF-8", "a\xffb", 20, true, false, "error.text_chars", "a\xffb"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := Fields{}
			var out string
			if c.multiline {
				out = Prose(f, "x", c.in, c.max, c.required)
			} else {
				out = Text(f, "x", c.in, c.max, c.required)
			}
			if out != c.out {
				t.Errorf("value %q, want %q", out, c.out)
			}
			if got := f["x"].Key; got != c.want {
				t.Errorf("key %q, want %q", got, c.want)
			}
		})
	}
}

func TestPhone(t *testing.T) {
	for in, ok := range map[string]bool{
		"": true, "13800138000": true, "0874-1234567": true, "+86 138 0013 8000": true, " 1234567 ": true,
		"123456": false, "138-0013-800a": false, "86+13800138000": false, strings.Repeat("1", 21): false,
		"1234567\x00": false,
	} {
		f := Fields{}
		Phone(f, "phone", in)
		if got := len(f) == 0; got != ok {
			t.Errorf("%q: accepted %v, want %v", in, got, ok)
		}
		if !ok && f["phone"].Key != "error.phone_format" {
			t.Errorf("%q: key %q", in, f["phone"].Key)
		}
	}
}

// TestAsThroughWrapping: stores wrap errors with context; the kind must
// still reach the web layer.
func TestAsThroughWrapping(t *testing.T) {
	err := fmt.Errorf("members: list roster: %w", fmt.Errorf("inner: %w", NotFound()))
	if KindOf(err) != KindNotFound {
		t.Fatalf("kind %d", KindOf(err))
	}
	if KindOf(errors.New("plain")) != KindInternal {
		t.Fatal("a plain error is internal")
	}
}
