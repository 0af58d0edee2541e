import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { assertEnv } from "@/lib/env";
import { PEER_HEADER } from "@/lib/http/client-ip";
import { forgetPublishedForms, type PublicForm } from "@/lib/forms/queries";
import { key, makeForm } from "@/tests/support/forms";
import { uniqueEmail } from "@/tests/support/factories";
import { OPTIONS, POST } from "./route";

let form: PublicForm;
const url = (slug: string) => `http://127.0.0.1:3000/api/public/forms/${slug}/submissions`;
const call = (slug: string, body: string, headers: Record<string, string> = {}) =>
  POST(
    new Request(url(slug), {
      method: "POST",
      headers: { "content-type": "application/json", [PEER_HEADER]: `10.7.${(Math.random() * 250) | 0}.1`, ...headers },
      body,
    }),
    {
      params: Promise.resolve({ slug }),
    },
  );
const payload = (extra: object = {}) =>
  JSON.stringify({ fields: { email: uniqueEmail("api") }, answers: { color: "blue" }, consents: ["inquiries"], locale: "en", idempotencyKey: key(), ...extra });

describe("POST /api/public/forms/:slug/submissions", () => {
  beforeAll(async () => {
    form = await makeForm();
  });
  afterEach(() => {
    delete process.env.FORM_RATE_LIMIT_PER_IP;
    assertEnv();
  });

  it("answers 201 with the submission id, and the same answer to a retry", async () => {
    const body = payload();
    const first = await call(form.slug, body);
    expect(first.status).toBe(201);
    const { submissionId } = await first.json();
    expect(await db().submission.findUnique({ where: { id: submissionId } })).not.toBeNull();
    const retry = await call(form.slug, body);
    expect(retry.status).toBe(201);
    expect(await retry.json()).toEqual({ submissionId, confirmationRequired: false });
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
  });

  it("records the address it talked to as evidence, not the one a header claims", async () => {
    const response = await call(form.slug, payload(), { [PEER_HEADER]: "192.0.2.10", "x-forwarded-for": "203.0.113.5" });
    const { submissionId } = await response.json();
    const submission = await db().submission.findUniqueOrThrow({ where: { id: submissionId }, select: { ip: true, consentEvents: { select: { ip: true } } } });
    expect(submission.ip).toBe("192.0.2.10");
    expect(submission.consentEvents.map((e) => e.ip)).toEqual(["192.0.2.10"]);
  });

  it("answers 422 with field messages in the form's language", async () => {
    const en = await call(form.slug, payload({ fields: { email: "nope" }, answers: {} }));
    expect(en.status).toBe(422);
    expect(await en.json()).toEqual({
      error: {
        code: "VALIDATION_FAILED",
        message: "Please correct the highlighted fields and send again.",
        fields: { email: "This email address does not look right, e.g. name@company.com.", "answers.color": "Please choose an answer." },
      },
    });
    const vi = await call(form.slug, payload({ locale: "vi", fields: { email: "nope" } }));
    expect((await vi.json()).error.fields.email).toBe("Email chưa đúng định dạng, ví dụ ten@congty.vn.");
  });

  it("answers 404 for an unknown or closed form, 400 for broken JSON and 413 above 64 KB", async () => {
    expect((await call("no-such-form", payload())).status).toBe(404);
    const closing = await makeForm();
    await db().form.update({ where: { id: closing.id }, data: { status: "CLOSED" } });
    forgetPublishedForms(); // as if the few seconds of caching had passed
    const closed = await call(closing.slug, payload());
    expect(closed.status).toBe(404);
    expect((await closed.json()).error.code).toBe("NOT_FOUND");
    const bad = await call(form.slug, "{not json");
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.code).toBe("BAD_JSON");
    const big = await call(form.slug, payload({ answers: { color: "blue", note: "x".repeat(70_000) } }));
    expect(big.status).toBe(413);
    expect((await big.json()).error.code).toBe("TOO_LARGE");
  });

  it("answers 429 with Retry-After over the per-IP limit", async () => {
    process.env.FORM_RATE_LIMIT_PER_IP = "2";
    assertEnv();
    const ip = { [PEER_HEADER]: "10.66.66.66" };
    expect((await call(form.slug, payload(), ip)).status).toBe(201);
    expect((await call(form.slug, payload(), ip)).status).toBe(201);
    const limited = await call(form.slug, payload(), ip);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    // Rotating X-Forwarded-For does not make a new visitor: no proxy is trusted by default.
    const forged = await call(form.slug, payload(), { ...ip, "x-forwarded-for": "203.0.113.77" });
    expect(forged.status).toBe(429);
    expect((await call(form.slug, payload(), { [PEER_HEADER]: "10.66.66.67" })).status).toBe(201);
  });

  it("refuses a body that is not JSON with 415, and text with half a UTF-16 pair with 422 on its field", async () => {
    const form415 = await call(form.slug, payload(), { "content-type": "text/plain" });
    expect(form415.status).toBe(415);
    expect((await form415.json()).error.code).toBe("UNSUPPORTED_MEDIA_TYPE");
    expect((await call(form.slug, payload(), { "content-type": "application/json; charset=utf-8" })).status).toBe(201);
    const lone = await call(form.slug, payload().replace('"blue"', '"\\ud800blue"'));
    expect(lone.status).toBe(422);
    expect((await lone.json()).error.fields).toEqual({ "answers.color": "This text contains an invalid character. Please type it again." });
  });

  it("counts refused submissions toward the per-address limit", async () => {
    process.env.FORM_RATE_LIMIT_PER_IP = "3";
    assertEnv();
    const ip = { [PEER_HEADER]: `10.67.${(Math.random() * 250) | 0}.${(Math.random() * 250) | 0}` };
    for (let i = 0; i < 2; i++) expect((await call(form.slug, payload({ fields: { email: "nope" } }), ip)).status).toBe(422);
    expect((await call(form.slug, payload(), ip)).status).toBe(201);
    // Two refused plus one accepted: the limit of three is reached either way.
    expect((await call(form.slug, payload(), ip)).status).toBe(429);
    expect((await call(form.slug, payload({ fields: { email: "nope" } }), ip)).status).toBe(429);
  });

  it("always accepts the app's own pages, at whatever address it was opened, and refuses others in the form's language", async () => {
    const own = await call(form.slug, payload(), { origin: "http://127.0.0.1:4321", host: "127.0.0.1:4321" });
    expect(own.status).toBe(201);
    const other = await POST(
      new Request(`${url(form.slug)}?lang=en`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: "https://evil.example", host: "127.0.0.1:4321", [PEER_HEADER]: "10.7.0.9" },
        body: payload(),
      }),
      { params: Promise.resolve({ slug: form.slug }) },
    );
    expect(other.status).toBe(403);
    expect((await other.json()).error.message).toBe("This website may not submit this form.");
  });

  it("allows CORS only for the form's origins", async () => {
    const preflight = (origin: string) =>
      OPTIONS(new Request(url(form.slug), { method: "OPTIONS", headers: { origin, "access-control-request-method": "POST" } }), {
        params: Promise.resolve({ slug: form.slug }),
      });
    const ok = await preflight("https://partner.example");
    expect(ok.status).toBe(204);
    expect(ok.headers.get("access-control-allow-origin")).toBe("https://partner.example");
    const denied = await preflight("https://evil.example");
    expect(denied.status).toBe(403);
    expect(denied.headers.get("access-control-allow-origin")).toBeNull();

    const post = await call(form.slug, payload(), { origin: "https://evil.example" });
    expect(post.status).toBe(403);
    expect((await post.json()).error.code).toBe("ORIGIN_NOT_ALLOWED");
    const allowed = await call(form.slug, payload(), { origin: "https://partner.example" });
    expect(allowed.status).toBe(201);
    expect(allowed.headers.get("access-control-allow-origin")).toBe("https://partner.example");
  });
});
