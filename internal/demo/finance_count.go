package demo

import (
	"context"
	"fmt"
	"strings"

	"dangjian/internal/day"
	"dangjian/internal/finance"
	"dangjian/internal/services"
)

// The 清查 demo: 海戛 counted its fixed assets and resources three weeks
// ago. The town's agent opened the campaign, the village secretary's
// group counted every item, the tractor was found with a broken engine
// and worth less than its book value, the 村委会主任 approved sending it
// for repair, and the agent closed the campaign. The town has made 海戛's
// 村委会主任 its 一支笔 signer.
func init() { register("finance", loadFinanceCount) }

func loadFinanceCount(ctx context.Context, svc services.Services, t *Town) error {
	fin := svc.Finance
	today := day.Today(svc.Clock)
	counter, approver, agent := actorOf(t, "haiga"), actorOf(t, "haigazhuren"), actorOf(t, "kuaiji")
	c, err := fin.OpenCount(ctx, agent, finance.NewCount{OrgID: t.Villages["海戛"].ID, Name: fmt.Sprintf("%d 年度三资清查", today.Year()),
		StartsOn: today.AddDays(-21)})
	if err != nil {
		return fmt.Errorf("demo count: %w", err)
	}
	if c, err = fin.CountReport(ctx, agent, c.ID); err != nil {
		return err
	}
	for _, l := range c.Lines {
		in := finance.CountResult{FoundQty: l.BookQty, FoundValue: l.BookValue}
		damaged := l.Kind == finance.ItemAsset && strings.HasPrefix(l.ItemName, "农用拖拉机")
		if damaged {
			in.FoundValue = l.BookValue / 2
			in.Note = "农用拖拉机发动机损坏，无法启动，经评估现值约为账面净值的一半"
		}
		if _, err := fin.RecordCount(ctx, counter, l.ID, in); err != nil {
			return fmt.Errorf("demo count of %s: %w", l.ItemName, err)
		}
		if damaged {
			if _, err := fin.ResolveDiscrepancy(ctx, approver, l.ID, "经两委会议研究，送农机站维修后继续使用，差额由镇三资代理服务中心调整账面价值"); err != nil {
				return err
			}
		}
	}
	if _, err = fin.CloseCount(ctx, agent, c.ID); err != nil {
		return err
	}
	_, err = fin.SetSigner(ctx, actorOf(t, "admin"), t.Villages["海戛"].ID, t.UserIDs["haigazhuren"])
	return err
}
