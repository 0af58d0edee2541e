import { describe, expect, it } from "vitest";
import { recordStaffConsent } from "@/lib/consent/mutations";
import { recordSharingObjection } from "@/lib/customers/mutations";
import { db } from "@/lib/db";
import { makeStaff } from "@/tests/support/factories";
import { makeCustomer } from "@/tests/support/customers";
import { createMediaItem, markMediaTakenDown, publishMediaItem } from "./mutations";
import { listMedia } from "./queries";

const failure = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e) => e,
  );
const today = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);

async function consent(staff: Awaited<ReturnType<typeof makeStaff>>, customerId: string, action: "GRANTED" | "WITHDRAWN") {
  await recordStaffConsent(staff, { customerId, purposeKey: "promotional_media", action, givenOn: today(), method: "PAPER", documentRef: "Biên bản bàn giao" });
}

describe("promotional media", () => {
  it("names unknown customers on the field and refuses administrators", async () => {
    const staff = await makeStaff("STAFF");
    const error = await failure(
      createMediaItem(staff, {
        title: "Ảnh bàn giao",
        link: "https://example.test/a.jpg",
        publishedWhere: "Trang chủ",
        customerEmails: "khong-co@example.test",
      }),
    );
    expect(error?.fieldErrors).toEqual({ customerEmails: "media.unknownCustomers" });
    const c = await makeCustomer();
    expect(
      (
        await failure(
          createMediaItem(await makeStaff("ADMIN"), { title: "Ảnh", link: "https://example.test/a.jpg", publishedWhere: "Trang chủ", customerEmails: c.email }),
        )
      )?.code,
    ).toBe("FORBIDDEN");
    expect(await db().mediaAppearance.count({ where: { customerId: c.id } })).toBe(0);
  });

  it("publishes only when everyone shown consented, then lists the item for takedown after an objection or a withdrawal, and records the takedown", async () => {
    const staff = await makeStaff("STAFF");
    const [a, b] = [await makeCustomer(), await makeCustomer()];
    await consent(staff, a.id, "GRANTED");
    const { id } = await createMediaItem(staff, {
      title: "Video bàn giao phần mềm kho",
      link: "https://example.test/v.mp4",
      publishedWhere: "Fanpage công ty",
      customerEmails: `${a.email.toUpperCase()}; ${b.email}`,
    });

    const refused = await failure(publishMediaItem(staff, id));
    expect(refused?.userMessage).toBe("media.consentMissing");
    expect((await db().mediaItem.findUniqueOrThrow({ where: { id } })).status).toBe("DRAFT");

    await consent(staff, b.id, "GRANTED");
    await publishMediaItem(staff, id);
    expect(await db().auditEvent.count({ where: { action: "media.published", entityId: id } })).toBe(1);
    const blockedOf = async () => (await listMedia(staff)).find((m) => m.id === id)?.blocked.map((x) => [x.id, x.reason] as const);
    expect(await blockedOf()).toEqual([]);

    await recordSharingObjection(staff, { customerId: a.id, note: "Không muốn xuất hiện trên mạng" });
    await consent(staff, b.id, "WITHDRAWN");
    expect(new Map(await blockedOf())).toEqual(
      new Map([
        [a.id, "OBJECTED"],
        [b.id, "NO_CONSENT"],
      ]),
    );

    await markMediaTakenDown(staff, id);
    const item = await db().mediaItem.findUniqueOrThrow({ where: { id } });
    expect(item.status).toBe("TAKEN_DOWN");
    expect(item.takenDownAt).not.toBeNull();
    expect(item.takedownReason?.split(", ").sort()).toEqual(["NO_CONSENT", "OBJECTED"]);
    const audit = await db().auditEvent.findFirstOrThrow({ where: { action: "media.taken_down", entityId: id } });
    expect(audit.details).toMatchObject({ because: expect.arrayContaining([{ customerId: a.id, reason: "OBJECTED" }]) });
    expect((await failure(markMediaTakenDown(staff, id)))?.userMessage).toBe("media.notPublished");
  });
});
