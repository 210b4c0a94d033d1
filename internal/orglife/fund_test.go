package orglife_test

import (
	"testing"

	"dangjian/internal/apperr"
	"dangjian/internal/day"
	"dangjian/internal/db"
	"dangjian/internal/orglife"
	"dangjian/internal/testkit"
	"dangjian/internal/testkit/want"
)

func TestCareFund(t *testing.T) {
	testkit.Dialects(t, func(t *testing.T, d *db.DB) {
		w := newWorld(t, d)
		poor := w.Full(w.HD1, "困难党员甲")
		haigaMember := w.Full(w.HG1, "海戛党员")

		// Income: only with members.manage over the town; amounts > 0.
		_, err := w.svc.RecordFundIncome(w.Ctx, w.HaidanLeader, orglife.NewIncome{TownID: w.Town.ID, Amount: 100, OnDate: day.Today(w.Clock), Description: "x"})
		want.Kind(t, err, apperr.KindNotFound)
		_, err = w.svc.RecordFundIncome(w.Ctx, w.Admin, orglife.NewIncome{TownID: w.Town.ID, Amount: 0, OnDate: day.Today(w.Clock), Description: "x"})
		want.Field(t, err, "amount", "fund.amount_range")
		_, err = w.svc.RecordFundIncome(w.Ctx, w.Admin, orglife.NewIncome{TownID: w.Haidan.ID, Amount: 100, OnDate: day.Today(w.Clock), Description: "x"})
		want.Field(t, err, "town_id", "fund.not_town")
		e, err := w.svc.RecordFundIncome(w.Ctx, w.Admin, orglife.NewIncome{TownID: w.Town.ID, Amount: 300000,
			OnDate: ymd(2026, 3, 1), Description: "县委组织部下拨党内关怀资金"})
		want.OK(t, err)
		if e.BalanceAfter != 300000 {
			t.Fatalf("balance after income = %s", e.BalanceAfter)
		}

		// A village leader proposes for their own members only.
		_, err = w.svc.ProposeGrant(w.Ctx, w.HaidanLeader, orglife.NewGrant{MemberID: haigaMember, Amount: 100, Reason: "x"})
		want.Kind(t, err, apperr.KindNotFound)
		big, err := w.svc.ProposeGrant(w.Ctx, w.HaidanLeader, orglife.NewGrant{MemberID: poor, Amount: 500000, Reason: "因病住院"})
		want.OK(t, err)
		if big.Status != orglife.GrantProposed || big.TownID != w.Town.ID {
			t.Fatalf("proposed %+v", big)
		}
		// The village leader cannot approve (no members.manage).
		_, err = w.svc.DecideGrant(w.Ctx, w.HaidanLeader, big.ID, true, "")
		want.Kind(t, err, apperr.KindForbidden)
		// The balance never goes negative.
		_, err = w.svc.DecideGrant(w.Ctx, w.Admin, big.ID, true, "")
		rv := want.Rule(t, err, "fund.balance")
		if rv.Params["balance"] != orglife.Fen(300000) || rv.Params["amount"] != orglife.Fen(500000) {
			t.Fatalf("params %v", rv.Params)
		}

		// Nobody approves their own proposal.
		own, err := w.svc.ProposeGrant(w.Ctx, w.Admin, orglife.NewGrant{MemberID: poor, Amount: 200000, Reason: "子女上学困难"})
		want.OK(t, err)
		_, err = w.svc.DecideGrant(w.Ctx, w.Admin, own.ID, true, "")
		want.Rule(t, err, "fund.self_approval")
		ok, err := w.svc.DecideGrant(w.Ctx, w.CountyAdmin, own.ID, true, "同意")
		want.OK(t, err)
		if ok.Status != orglife.GrantApproved || ok.DeciderName == "" {
			t.Fatalf("approved %+v", ok)
		}
		_, err = w.svc.DecideGrant(w.Ctx, w.CountyAdmin, own.ID, true, "")
		want.Kind(t, err, apperr.KindConflict)
		// The proposer may withdraw (reject) their own.
		rej, err := w.svc.DecideGrant(w.Ctx, w.Admin, big.ID, false, "资金不足，下季度再议")
		want.OK(t, err)
		if rej.Status != orglife.GrantRejected {
			t.Fatalf("rejected %+v", rej)
		}

		v, err := w.svc.Fund(w.Ctx, w.Admin, w.Town.ID, orglife.FundPage{})
		want.OK(t, err)
		if !v.Ledger || v.Balance != 100000 || len(v.Entries) != 2 || len(v.Grants) != 2 {
			t.Fatalf("town view: ledger %v balance %s entries %d grants %d", v.Ledger, v.Balance, len(v.Entries), len(v.Grants))
		}
		if v.Entries[0].Kind != orglife.EntryGrant || v.Entries[0].BalanceAfter != 100000 || v.Entries[0].Amount != 200000 {
			t.Fatalf("grant entry %+v", v.Entries[0])
		}
		// A village leader sees the grants of their village, not the ledger;
		// 海戛 sees nothing of 海丹's grants.
		hv, err := w.svc.Fund(w.Ctx, w.HaidanLeader, w.Town.ID, orglife.FundPage{})
		want.OK(t, err)
		if hv.Ledger || hv.Balance != 0 || len(hv.Entries) != 0 || len(hv.Grants) != 2 {
			t.Fatalf("海丹's view %+v", hv)
		}
		gv, err := w.svc.Fund(w.Ctx, w.HaigaLeader, w.Town.ID, orglife.FundPage{})
		want.OK(t, err)
		if len(gv.Grants) != 0 {
			t.Fatal("海戛 sees 海丹's grants")
		}
		pending, err := w.svc.Fund(w.Ctx, w.Admin, w.Town.ID, orglife.FundPage{Status: orglife.GrantProposed})
		want.OK(t, err)
		if len(pending.Grants) != 0 {
			t.Fatalf("pending = %+v", pending.Grants)
		}
		for _, a := range []string{"fund.income", "fund.propose", "fund.approve", "fund.reject"} {
			if w.AuditCount(a) == 0 {
				t.Fatalf("no audit record for %s", a)
			}
		}
	})
}
