// Every page, in Vietnamese and in English, as the role that uses it: no message key or enum code
// shown as text, no broken glyph, and no serious or critical accessibility problem (axe). Axe, the
// costly part, checks each page in one of the two languages, alternating, so both languages' pages
// are checked by it and the walk fits the suite's time.
import { randomUUID } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import type { Browser, BrowserContext, Page } from "@playwright/test";
import { systemActor } from "@/lib/auth/actor";
import type { Role } from "@/lib/auth/roles";
import { newToken } from "@/lib/auth/tokens";
import { db, pool } from "@/lib/db";
import { isMessageKey } from "@/lib/i18n/translate";
import { createRecipient, prepareDisclosure } from "@/lib/disclosures/mutations";
import { createDraft } from "@/lib/policies/mutations";
import { logRequest } from "@/lib/privacy-requests/mutations/desk";
import { logBreach } from "@/lib/breaches/mutations";
import { saveCampaign } from "@/lib/campaigns/mutations/marketing";
import { generateRecordDocument } from "@/lib/records/mutations";
import { createCustomerFor } from "./support/customers";
import { expect, test } from "./support/fixtures";
import { createLeadForm } from "./support/forms";
import { createApiKey } from "@/lib/api-keys/mutations";
import { createWebhookEndpoint } from "@/lib/webhooks/mutations";

/** A dotted word that is one of our message keys, or an audit event's code, shown instead of its text. */
function untranslated(text: string) {
  return (text.match(/\b[a-z][A-Za-z]*(?:\.[A-Za-z_]+)+\b/g) ?? []).find((w) => isMessageKey(w) || isMessageKey(`audit.event.${w}`));
}
const CODES =
  /\b(?:LEAD|ACTIVE|TERMINATED|ERASED|GRANTED|WITHDRAWN|SELF_SERVICE|IMPORT|PENDING_APPROVAL|PREPARING|DELIVERED|ACKNOWLEDGED|IN_PROGRESS|COMPLETED|REJECTED|CANCELLED|RECEIVED|CAPTURED|QUEUED|SCHEDULED|PUBLISHED|DRAFT|ADVERTISING|SHIPPING|AUTHORITY|CONSENT|CONTRACT|LEGAL_OBLIGATION|STAFF_CHANNEL|IN_PERSON|RECTIFY|STOP_SHARING)\b/;
const LANGS = ["vi", "en"] as const;
/** Each language's pages are walked in this many parts, run side by side on the workers. */
const PARTS = 3;

type Target = { path: string; as: Role | "anonymous" | "customer" };

/** One browser context per role and language, reused for each of its pages (a context costs about a second). */
async function contextFor(browser: Browser, baseURL: string, as: Target["as"], lang: string, customerId: string): Promise<BrowserContext> {
  const storageState = as === "anonymous" || as === "customer" ? undefined : `test-results/.auth/${as}.json`;
  const context = await browser.newContext({ baseURL, storageState });
  await context.addCookies([{ name: "locale", value: lang, url: baseURL }]);
  // Links prefetched in the background are other pages' work (each is walked itself): not fetched.
  // Any other request of the router (a refresh, a redirect) goes through.
  await context.route(
    (url) => url.searchParams.has("_rsc"),
    (route) => (route.request().headers()["next-router-prefetch"] ? route.abort() : route.fallback()),
  );
  if (as === "customer") {
    const { token, hash } = newToken();
    await db().customerSession.create({ data: { tokenHash: hash, customerId, expiresAt: new Date(Date.now() + 3_600_000) } });
    await context.addCookies([{ name: "cr_customer", value: token, url: `${baseURL}/privacy/me` }]);
  }
  return context;
}

/** The visible text of the page, its title and its labels (what a screen reader would read). */
async function readableText(page: Page) {
  return page.evaluate(() => {
    const labels = [...document.querySelectorAll("[aria-label],[title],[placeholder],[alt]")].map((e) =>
      ["aria-label", "title", "placeholder", "alt"].map((a) => e.getAttribute(a) ?? "").join(" "),
    );
    // Text as written (innerText would apply CSS text-transform), of rendered elements only.
    const texts: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      // <code> shows identifiers on purpose (an API reference, a key's prefix): not text to translate.
      if (parent && !["SCRIPT", "STYLE", "NOSCRIPT"].includes(parent.tagName) && !parent.closest("code") && parent.checkVisibility())
        texts.push(node.nodeValue ?? "");
    }
    return `${document.title}\n${texts.join(" ")}\n${labels.join("\n")}`;
  });
}

test.describe("every page in both languages", () => {
  // Parts run in parallel: each worker that takes one sets up its own data (beforeAll) first.
  test.describe.configure({ mode: "parallel" });
  const targets: Target[] = [];
  let customerId = "";

  test.beforeAll(async () => {
    const system = systemActor("e2e");
    const customer = await createCustomerFor("Khách Đi Dạo");
    customerId = customer.id;
    const form = await createLeadForm();
    const recipient = await createRecipient(system, { name: `Đối tác ${randomUUID().slice(0, 6)}`, category: "ADVERTISING" });
    const disclosure = await prepareDisclosure(system, {
      recipientId: recipient.id,
      reason: "Gửi thư mời hội thảo",
      fields: ["fullName", "address"],
      selection: { kind: "ids", ids: [customer.id] },
    });
    const request = await logRequest(system, {
      customerId: customer.id,
      type: "ACCESS",
      channel: "PHONE",
      receivedOn: new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10),
      details: "Khách gọi điện hỏi",
    });
    const policy = await createDraft(system, {
      bodyVi: "# Chính sách\n\nChúng tôi giữ dữ liệu của bạn cẩn thận và không bán dữ liệu cho ai.",
      bodyEn: "# Policy\n\nWe keep your data carefully and never sell it to anyone at all.",
      summaryVi: "Bản nháp để đi dạo",
      summaryEn: "A draft for the walk",
    });
    const published = await db().policyVersion.findFirst({ where: { status: "PUBLISHED" }, orderBy: { number: "desc" }, select: { number: true } });
    const email = await db().emailMessage.findFirst({ orderBy: { createdAt: "desc" }, select: { id: true } });
    // A dead job, so /admin/jobs shows its list and not only the empty state.
    await pool().query(
      `INSERT INTO pgboss.job (name, data, state, retry_count, output, completed_on, policy)
       VALUES ('webhooks', '{}', 'failed', 5, '{"message":"connect ECONNREFUSED 10.0.0.9:443"}', now(), 'stately')`,
    );
    const handler = await db().user.findFirstOrThrow({ where: { role: "COMPLIANCE", disabledAt: null }, select: { id: true } });
    const vnNow = new Date(Date.now() + 7 * 3_600_000 - 3_600_000).toISOString();
    const breach = await logBreach(system, {
      title: "Thư gửi nhầm người nhận",
      detectedOn: vnNow.slice(0, 10),
      detectedTime: vnNow.slice(11, 16),
      occurredOn: "",
      description: "Một email có danh sách khách hàng bị gửi nhầm địa chỉ.",
      dataCategories: ["fullName", "email"],
      otherCategories: "",
      approxSubjects: 12,
      consequences: "Người nhận nhầm biết tên và email của khách hàng.",
      measures: "Đã đề nghị người nhận xoá thư và xác nhận.",
      handlerId: handler.id,
    });
    const dossier = await generateRecordDocument(system, { kind: "IMPACT_ASSESSMENT" });
    const processor = await db().processor.findFirstOrThrow({ select: { id: true } });
    const officer = "COMPLIANCE" as const;
    await createApiKey(system, { name: "CRM đi dạo", scopes: ["customers:read", "consents:write"] });
    const endpoint = await createWebhookEndpoint(system, { url: "https://crm.example.com/hooks", events: ["consent.changed", "customer.erased"] });
    const campaign = await saveCampaign(system, {
      name: "Ưu đãi cuối năm",
      purposeKey: "promotions_events",
      subjectVi: "Ưu đãi cuối năm",
      subjectEn: "Year-end offer",
      bodyVi: "Chào {{name}},\n\nGiảm giá phí bảo trì cho khách hàng thân thiết.",
      bodyEn: "Hello {{name}},\n\nA maintenance discount for loyal customers.",
      audience: { statuses: ["ACTIVE"] },
    });
    targets.push(
      { path: "/admin/campaigns", as: "STAFF" },
      { path: "/admin/campaigns/new", as: "STAFF" },
      { path: `/admin/campaigns/${campaign.id}`, as: officer },
      { path: "/admin/campaigns/rules", as: officer },
      { path: "/unsubscribe/not-a-token", as: "anonymous" },
      { path: `/admin/breaches/${breach.id}`, as: officer },
      { path: `/admin/breaches/${breach.id}/edit`, as: officer },
      { path: `/admin/breaches/${breach.id}/notification`, as: officer },
      { path: `/admin/records/documents/${dossier.id}`, as: "ADMIN" },
      { path: `/admin/records/processors/${processor.id}`, as: "ADMIN" },
      { path: "/", as: "anonymous" },
      { path: "/login", as: "anonymous" },
      { path: "/forgot-password", as: "anonymous" },
      { path: "/privacy", as: "anonymous" },
      { path: "/privacy/versions", as: "anonymous" },
      ...(published ? [{ path: `/privacy/versions/${published.number}`, as: "anonymous" as const }] : []),
      { path: "/privacy/me", as: "anonymous" },
      { path: "/privacy/me", as: "customer" },
      { path: `/f/${form.slug}`, as: "anonymous" },
      { path: "/admin", as: officer },
      { path: "/admin/account", as: "STAFF" },
      { path: "/admin/customers", as: "STAFF" },
      { path: `/admin/customers/${customer.id}`, as: officer },
      { path: `/admin/customers/${customer.id}/edit`, as: officer },
      { path: "/admin/customers/new", as: "STAFF" },
      { path: "/admin/customers/duplicates", as: "STAFF" },
      { path: "/admin/customers/import", as: "STAFF" },
      { path: "/admin/forms", as: "STAFF" },
      { path: "/admin/forms/new", as: "STAFF" },
      { path: `/admin/forms/${form.id}`, as: "STAFF" },
      { path: `/admin/forms/${form.id}/submissions`, as: "STAFF" },
      { path: "/admin/disclosures", as: officer },
      { path: "/admin/disclosures/new", as: "STAFF" },
      { path: `/admin/disclosures/${disclosure.id}`, as: officer },
      { path: "/admin/disclosures/recipients", as: officer },
      { path: "/admin/disclosures/media", as: "STAFF" },
      { path: "/admin/policies", as: officer },
      { path: "/admin/policies/new", as: officer },
      { path: `/admin/policies/${policy.id}`, as: officer },
      { path: "/admin/policies/purposes", as: officer },
      { path: "/admin/policies/purposes/advertising", as: officer },
      { path: "/admin/requests", as: officer },
      { path: "/admin/requests/new", as: officer },
      { path: `/admin/requests/${request.id}`, as: officer },
      { path: "/admin/requests/retention", as: officer },
      { path: "/admin/requests/rules", as: officer },
      { path: "/admin/requests/rules/DELETE", as: officer },
      { path: "/admin/breaches", as: officer },
      { path: "/admin/breaches/new", as: officer },
      { path: "/admin/records", as: "ADMIN" },
      { path: "/admin/records/processors/new", as: "ADMIN" },
      { path: "/admin/records/api-keys", as: officer },
      { path: "/admin/audit", as: "ADMIN" },
      { path: "/admin/outbox", as: "ADMIN" },
      { path: "/admin/jobs", as: "ADMIN" },
      ...(email ? [{ path: `/admin/outbox/${email.id}`, as: "ADMIN" as const }] : []),
      { path: "/admin/users", as: "ADMIN" },
      { path: "/admin/settings", as: "ADMIN" },
      { path: "/admin/settings/holidays", as: "ADMIN" },
      { path: "/admin/settings/api-keys", as: "ADMIN" },
      { path: "/admin/settings/api", as: "ADMIN" },
      { path: "/admin/settings/webhooks", as: "ADMIN" },
      { path: `/admin/settings/webhooks/${endpoint.id}`, as: "ADMIN" },
    );
  });

  for (const lang of LANGS)
    for (let part = 0; part < PARTS; part++) {
      test(`no accessibility problem, key or code on any page (${lang}, part ${part + 1} of ${PARTS})`, async ({ browser, baseURL }) => {
        test.setTimeout(420_000);
        const problems: string[] = [];
        const contexts = new Map<Target["as"], BrowserContext>();
        for (const [i, target] of targets.entries()) {
          if (i % PARTS !== part) continue;
          if (!contexts.has(target.as)) contexts.set(target.as, await contextFor(browser, baseURL!, target.as, lang, customerId));
          const page = await contexts.get(target.as)!.newPage();
          // Server-rendered: once loaded, the page shows what it will.
          const response = await page.goto(target.path, { waitUntil: "load" });
          if (!response || response.status() >= 400) problems.push(`${target.path}: status ${response?.status()}`);
          const axe =
            i % LANGS.length === LANGS.indexOf(lang) ? await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze() : null;
          for (const v of (axe?.violations ?? []).filter((v) => v.impact === "serious" || v.impact === "critical")) {
            problems.push(
              `${target.path}: axe ${v.id} (${v.impact}) on ${v.nodes
                .map((n) => n.target.join(" "))
                .slice(0, 3)
                .join(", ")}`,
            );
          }
          const text = await readableText(page);
          const key = untranslated(text);
          if (key) problems.push(`${target.path}: looks like a message key: ${key}`);
          const code = text.match(CODES)?.[0];
          if (code) problems.push(`${target.path}: shows the code ${code}`);
          if (text.includes("\uFFFD")) problems.push(`${target.path}: a broken glyph (U+FFFD)`);
          await page.close();
        }
        for (const context of contexts.values()) await context.close();
        expect(problems).toEqual([]);
      });
    }
});
