import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { PEER_HEADER } from "@/lib/http/client-ip";
import type { PublicForm } from "@/lib/forms/queries";
import { key, makeForm } from "@/tests/support/forms";
import { uniqueEmail } from "@/tests/support/factories";
import { GET, POST } from "./route";

// The form without JavaScript: a plain HTML form post, answered with a redirect or the form again.
let form: PublicForm;
const page = (slug: string, query = "") => `http://127.0.0.1:3000/f/${slug}${query}`;
const post = (slug: string, fields: [string, string][], query = "", site = "same-origin") =>
  POST(
    new Request(page(slug, query), {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", "sec-fetch-site": site, [PEER_HEADER]: `10.8.${(Math.random() * 250) | 0}.2` },
      body: new URLSearchParams(fields).toString(),
    }),
    { params: Promise.resolve({ slug }) },
  );

describe("/f/:slug", () => {
  beforeAll(async () => {
    form = await makeForm();
  });

  it("serves the form with headers that allow framing only by its own origins", async () => {
    const response = await GET(new Request(page(form.slug, "?embed=1&lang=en")), { params: Promise.resolve({ slug: form.slug }) });
    expect(response.status).toBe(200);
    const csp = response.headers.get("content-security-policy")!;
    expect(csp).toContain("frame-ancestors 'self' https://partner.example");
    expect(csp).toContain("script-src 'self'");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    const html = await response.text();
    expect(html).toMatch(/^<!doctype html><html lang="en">/);
    expect(html).toContain('name="consents" value="inquiries"');
    expect(html).not.toMatch(/name="consents" value="inquiries"[^>]*checked/); // unticked by default
  });

  it("refuses a post another site's page makes through its visitor's browser, and records nothing", async () => {
    const email = uniqueEmail("forged");
    const fields: [string, string][] = [
      ["email", email],
      ["answers.color", "red"],
      ["consents", "inquiries"],
      ["idempotencyKey", key()],
    ];
    const forged = await post(form.slug, fields, "", "cross-site");
    expect(forged.status).toBe(403);
    expect(await forged.text()).toContain("gửi từ một trang web khác");
    expect(await db().submission.count({ where: { formId: form.id, customer: { email } } })).toBe(0);
    // Without Sec-Fetch-Site, a foreign Origin is refused too.
    const foreign = await POST(
      new Request(page(form.slug), {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", origin: "https://evil.example" },
        body: new URLSearchParams(fields).toString(),
      }),
      { params: Promise.resolve({ slug: form.slug }) },
    );
    expect(foreign.status).toBe(403);
    expect(await db().customer.count({ where: { email } })).toBe(0);
  });

  it("accepts a plain POST and redirects to the thank-you page (Post/Redirect/Get)", async () => {
    const email = uniqueEmail("nojs");
    const response = await post(
      form.slug,
      [
        ["email", email],
        ["answers.color", "red"],
        ["answers.tags", "a"],
        ["answers.tags", "b"],
        ["consents", "inquiries"],
        ["idempotencyKey", key()],
      ],
      "?lang=en",
    );
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(`/f/${form.slug}?lang=en&done=1`);
    const submission = await db().submission.findFirstOrThrow({ where: { formId: form.id, customer: { email } } });
    expect(submission.answers).toMatchObject({ color: "red", tags: ["a", "b"] });
    expect(submission.locale).toBe("en");
  });

  it("shows the form again with messages on the fields, keeping (escaped) what was typed", async () => {
    const response = await post(form.slug, [
      ["fullName", "<b>Lan</b>"],
      ["email", "lan@"],
      ["idempotencyKey", key()],
    ]);
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toContain("Email chưa đúng định dạng");
    expect(html).toContain("Vui lòng chọn một câu trả lời.");
    expect(html).toContain('value="&lt;b&gt;Lan&lt;/b&gt;"');
    expect(html).not.toContain("<b>Lan</b>");
    expect(html).toMatch(/id="f-email"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*id="f-email"/);
  });

  it("says the form is unavailable (404) when it is not published", async () => {
    const response = await GET(new Request(page("nope-nope")), { params: Promise.resolve({ slug: "nope-nope" }) });
    expect(response.status).toBe(404);
    expect(await response.text()).toContain("Biểu mẫu không tồn tại hoặc đã đóng");
  });
});
