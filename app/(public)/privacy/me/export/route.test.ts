// The customer's download through its real route: from their own page only, named in their language
// with Vietnam's date, and recorded once there is a file to hand over.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { LOCALE_COOKIE } from "@/lib/i18n/config";
import { vnDay } from "@/lib/privacy-requests/deadlines";
import { makeCustomer } from "@/tests/support/customers";
import { setRequestCookie } from "@/tests/support/next-request";
import { actAsAnonymous, actAsCustomer } from "@/tests/support/session";
import { POST } from "./route";

const post = (format: string, site = "same-origin") =>
  POST(
    new Request("http://localhost:3000/privacy/me/export", {
      method: "POST",
      headers: { "sec-fetch-site": site, "content-type": "application/x-www-form-urlencoded" },
      body: `format=${format}`,
    }),
  );

describe("the customer's export route", () => {
  it("refuses another site in both languages, sends the signed-out to sign in, and hands a named file to the customer", async () => {
    const c = await makeCustomer();
    await actAsCustomer(c.id);
    const forged = await post("json", "cross-site");
    expect(forged.status).toBe(403);
    expect(await forged.text()).toMatch(/bị từ chối[\s\S]*refused/);
    expect(await db().privacyRequest.count({ where: { customerId: c.id, type: "EXPORT" } })).toBe(0);

    const csv = await post("csv");
    expect(csv.headers.get("content-disposition")).toBe(`attachment; filename="du-lieu-cua-toi-${vnDay(new Date())}.csv"`);
    expect(csv.headers.get("cache-control")).toBe("no-store");
    expect(await csv.text()).toContain(`Thông tin cá nhân,Email,${c.email}`);
    expect(await db().privacyRequest.count({ where: { customerId: c.id, type: "EXPORT", status: "COMPLETED" } })).toBe(1);

    setRequestCookie(LOCALE_COOKIE, "en");
    const json = await post("json");
    expect(json.headers.get("content-disposition")).toBe(`attachment; filename="my-data-${vnDay(new Date())}.json"`);
    expect(JSON.parse(await json.text())).toMatchObject({ personalData: { email: c.email } });

    actAsAnonymous();
    const signedOut = await post("json");
    expect(signedOut.status).toBe(303);
    expect(signedOut.headers.get("location")).toContain("/privacy/me");
    expect(await db().privacyRequest.count({ where: { customerId: c.id, type: "EXPORT" } })).toBe(2);
  });
});
