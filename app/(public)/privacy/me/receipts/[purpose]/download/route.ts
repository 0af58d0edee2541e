import { currentCustomer } from "@/lib/auth/customer-session";
import { isAppError } from "@/lib/errors";
import { getT } from "@/lib/i18n/server";
import { myReceipt } from "@/lib/privacy-requests/queries/my-data";
import { readSettings } from "@/lib/settings/queries";
import { receiptLines } from "../receipt-lines";
import { escapeHtml } from "@/lib/html/escape";

/** The consent receipt as a self-contained HTML file (opens anywhere, prints to PDF). */
export async function GET(request: Request, { params }: { params: Promise<{ purpose: string }> }) {
  const actor = await currentCustomer();
  if (!actor) return Response.redirect(new URL("/privacy/me", request.url), 303);
  const { t, locale } = await getT();
  const { purpose } = await params;
  let receipt: Awaited<ReturnType<typeof myReceipt>>;
  try {
    receipt = await myReceipt(actor, purpose);
  } catch (error) {
    if (isAppError(error)) return new Response(t("privacy.noReceipt"), { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
    throw error;
  }
  const rows = receiptLines(receipt, t, locale, (await readSettings()).companyName)
    .map(([k, v]) => `<tr><th>${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`)
    .join("");
  const html = `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><title>${escapeHtml(t("receipt.title"))}</title>
<style>body{font-family:system-ui,sans-serif;max-width:640px;margin:40px auto;padding:0 16px;color:#18181b}th{text-align:left;color:#71717a;font-weight:normal;padding:6px 16px 6px 0;vertical-align:top}td{padding:6px 0}</style>
</head><body><h1>${escapeHtml(t("receipt.title"))}</h1><table>${rows}</table></body></html>`;
  return new Response(html, {
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Content-Disposition": `attachment; filename="${locale === "en" ? "consent-receipt" : "bien-nhan-dong-y"}-${purpose.replace(/[^a-z0-9_]/g, "")}.html"`,
      "Cache-Control": "no-store",
    },
  });
}
