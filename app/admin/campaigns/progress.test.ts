// What staff see while a campaign is sending: the counts read from the outbox as batches go out and
// the guard stops someone, and the bar and sentence drawn from them (rendered as the page renders them).
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { getCampaign, listCampaigns } from "@/lib/campaigns/queries";
import { translator } from "@/lib/i18n/translate";
// Not a React hook (it registers Vitest hooks); named so the linter does not take it for one here.
import { grant, queuedCampaign, useCampaignWorld as campaignWorld } from "@/tests/support/campaigns";
import { deliverCampaignBatch } from "@/lib/email/delivery";
import { db } from "@/lib/db";
import { CampaignProgressBar } from "./_components/campaign-progress-bar";

const world = campaignWorld();

async function shown(id: string, locale: "vi" | "en" = "vi") {
  const campaign = await getCampaign(world.staff, id);
  if (!campaign) throw new Error("campaign not found");
  const t = translator(locale);
  const html = renderToStaticMarkup(createElement(CampaignProgressBar, { progress: campaign.progress, t, locale, label: t("campaigns.sending") }));
  return {
    progress: campaign.progress,
    valueNow: /aria-valuenow="(\d+)"/.exec(html)?.[1],
    sentence: /data-testid="campaign-progress">([^<]*)</.exec(html)?.[1],
  };
}

describe("a campaign's progress while it sends", () => {
  it("counts what went, what the guard stopped and what waits, batch by batch, and draws it in both languages", async () => {
    const { id, messages } = await queuedCampaign(world, 5);
    // Queuing ran every campaign still queuing (another file's announcement, say): only this one sends here.
    await db().emailMessage.updateMany({ where: { campaignId: { not: id }, status: "QUEUED" }, data: { status: "CANCELLED" } });
    expect(await shown(id)).toMatchObject({ progress: { queued: 5, sent: 0 }, valueNow: "0", sentence: "đã gửi 0 · dừng 0 · lỗi 0 · đang chờ 5" });

    expect(await deliverCampaignBatch(2)).toBeGreaterThan(0);
    expect(await shown(id)).toMatchObject({ progress: { queued: 3, sent: 2 }, valueNow: "40", sentence: "đã gửi 2 · dừng 0 · lỗi 0 · đang chờ 3" });

    // One of those still waiting withdraws: the send-time guard stops their message.
    const waiting = (await db().emailMessage.findMany({ where: { campaignId: id, status: "QUEUED" }, select: { customerId: true } }))[0];
    await grant(waiting.customerId as string, "promotions_events", "WITHDRAWN");
    while ((await deliverCampaignBatch(2)) > 0) {}
    expect(await shown(id)).toMatchObject({
      progress: { queued: 0, sent: 4, cancelled: 1 },
      valueNow: "100",
      sentence: "đã gửi 4 · dừng 1 · lỗi 0 · đang chờ 0",
    });
    expect((await shown(id, "en")).sentence).toBe("4 sent · 1 stopped · 0 failed · 0 waiting");

    // The list shows the same numbers as the campaign's own page.
    const listed = (await listCampaigns(world.staff)).rows.find((r) => r.id === id);
    expect(listed?.progress).toMatchObject({ sent: 4, cancelled: 1, queued: 0 });
    expect(messages).toHaveLength(5);
  });
});
