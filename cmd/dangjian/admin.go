package main

import (
	"context"
	"flag"
	"fmt"

	"dangjian/internal/auth"
	"dangjian/internal/org"
)

func userCmd(ctx context.Context, args []string, env func(string) string) error {
	if len(args) == 0 {
		return fmt.Errorf("usage: dangjian user add|passwd …")
	}
	var username, name, role, password string
	var orgID int64
	a, _, err := open(ctx, "user "+args[0], args[1:], env, func(fs *flag.FlagSet) {
		fs.StringVar(&username, "username", "", "login name")
		fs.StringVar(&name, "name", "", "display name")
		fs.StringVar(&role, "role", "", "role: county_admin, town_admin, village_leader, …")
		fs.Int64Var(&orgID, "org", 0, "id of the organisation the role is bound to")
		fs.StringVar(&password, "password", env("DANGJIAN_PASSWORD"), "password (or DANGJIAN_PASSWORD)")
	})
	if err != nil {
		return err
	}
	defer a.Close()
	switch args[0] {
	case "add":
		id, err := a.Services.Auth.AddUser(ctx, nil, auth.NewUser{Username: username, DisplayName: name,
			Password: password, Role: auth.Role(role), OrgID: orgID})
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "user %s created (id %d)\n", username, id)
	case "passwd":
		if err := a.Services.Auth.SetPassword(ctx, nil, username, password); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "password of %s changed; their sessions have ended\n", username)
	default:
		return fmt.Errorf("usage: dangjian user add|passwd …")
	}
	return nil
}

// orgCmd plants the top of a real organisation tree (county, town) on a
// fresh install, so the first administrator has somewhere to be bound;
// everything below is created on the web pages.
func orgCmd(ctx context.Context, args []string, env func(string) string) error {
	if len(args) == 0 || args[0] != "add" {
		return fmt.Errorf("usage: dangjian org add -type county|town|… -name N [-short S] [-parent ID]")
	}
	var typ, name, short string
	var parent int64
	a, _, err := open(ctx, "org add", args[1:], env, func(fs *flag.FlagSet) {
		fs.StringVar(&typ, "type", "", "county, town, general_branch, branch, industry or activity_home")
		fs.StringVar(&name, "name", "", "full name, e.g. 大河镇党委")
		fs.StringVar(&short, "short", "", "short name, e.g. 大河镇")
		fs.Int64Var(&parent, "parent", 0, "id of the parent organisation (none for a county or a stand-alone town)")
	})
	if err != nil {
		return err
	}
	defer a.Close()
	o, err := a.Services.Org.Create(ctx, nil, org.NewOrg{ParentID: parent, Type: org.Type(typ), Name: name, ShortName: short})
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "organisation %s created (id %d)\n", o.Name, o.ID)
	return nil
}
