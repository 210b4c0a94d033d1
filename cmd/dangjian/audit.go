package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"strings"

	"dangjian/internal/audit"
)

func auditCmd(ctx context.Context, args []string, env func(string) string) error {
	if len(args) > 0 {
		switch args[0] {
		case "verify":
			return auditVerify(ctx, args[1:], env)
		case "head":
			return auditHead(ctx, args[1:], env)
		}
	}
	return fmt.Errorf("usage: dangjian audit verify [-head SEQ:HASH|FILE] | dangjian audit head")
}

// auditHead prints the head alone on a line, so `dangjian audit head >
// head.txt` keeps it for a later `audit verify -head head.txt`.
func auditHead(ctx context.Context, args []string, env func(string) string) error {
	a, _, err := open(ctx, "audit head", args, env, nil)
	if err != nil {
		return err
	}
	defer a.Close()
	h, err := audit.ReadHead(ctx, a.DB)
	if err != nil {
		return err
	}
	fmt.Fprintln(stdout, h)
	return nil
}

func auditVerify(ctx context.Context, args []string, env func(string) string) error {
	var kept string
	a, _, err := open(ctx, "audit verify", args, env, func(fs *flag.FlagSet) {
		fs.StringVar(&kept, "head", "", "a head kept earlier (SEQ:HASH, or a file holding it) that the log must still contain")
	})
	if err != nil {
		return err
	}
	defer a.Close()
	var head *audit.Head
	if kept != "" {
		h, err := readKeptHead(kept)
		if err != nil {
			return err
		}
		head = &h
	}
	n, broken, err := audit.Verify(ctx, a.DB)
	if err != nil {
		return err
	}
	if broken == nil && head != nil {
		if broken, err = audit.Contains(ctx, a.DB, *head); err != nil {
			return err
		}
	}
	if broken != nil {
		fmt.Fprintf(stdout, "audit log BROKEN at row %d: %s (%d rows read)\n", broken.ID, broken.Reason, n)
		return exitError{code: 2, msg: fmt.Sprintf("audit log broken at row %d", broken.ID)}
	}
	if head != nil {
		fmt.Fprintf(stdout, "audit log intact: %d rows verified, kept head %d found\n", n, head.Seq)
		return nil
	}
	fmt.Fprintf(stdout, "audit log intact: %d rows verified\n", n)
	return nil
}

// readKeptHead takes SEQ:HASH itself, or else the name of a file that
// holds it (a Windows path such as D:\head.txt is no SEQ:HASH).
func readKeptHead(v string) (audit.Head, error) {
	if h, err := audit.ParseHead(v); err == nil {
		return h, nil
	}
	b, err := os.ReadFile(v)
	if err != nil {
		return audit.Head{}, fmt.Errorf("-head %s: neither SEQ:HASH nor a readable file: %w", v, err)
	}
	return audit.ParseHead(strings.TrimSpace(string(b)))
}
