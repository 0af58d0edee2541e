import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { PublicShell } from "@/components/policy/public-shell";
import { Alert } from "@/components/ui/alert";
import { buttonVariants } from "@/components/ui/button";
import { currentCustomer } from "@/lib/auth/customer-session";
import { isAppError } from "@/lib/errors";
import { getT } from "@/lib/i18n/server";
import { translateMessage } from "@/lib/i18n/translate";
import { myReceipt } from "@/lib/privacy-requests/queries/my-data";
import { readSettings } from "@/lib/settings/queries";
import { PrintButton } from "@/components/ui/print-button";
import { receiptLines } from "./receipt-lines";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("receipt.title") };
}

export default async function ReceiptPage({ params }: { params: Promise<{ purpose: string }> }) {
  const { t, locale } = await getT();
  const actor = await currentCustomer();
  if (!actor) redirect("/privacy/me");
  const { purpose } = await params;
  const receipt = await myReceipt(actor, purpose).catch((e) => (isAppError(e) ? e : Promise.reject(e)));
  const company = (await readSettings()).companyName;
  return (
    <PublicShell>
      <div className="mx-auto max-w-2xl space-y-4">
        <Link href="/privacy/me#me-purposes" className="text-sm text-brand-800 hover:underline print:hidden">
          ← {t("me.title")}
        </Link>
        <h1 className="text-2xl font-semibold">{t("receipt.title")}</h1>
        {isAppError(receipt) ? (
          <Alert tone="error">{translateMessage(t, receipt.userMessage)}</Alert>
        ) : (
          <>
            <dl className="grid gap-x-6 gap-y-3 rounded-lg border border-zinc-200 bg-white p-5 sm:grid-cols-[max-content_1fr]" data-testid="receipt">
              {receiptLines(receipt, t, locale, company).map(([name, value]) => (
                <div key={name} className="contents">
                  <dt className="text-sm text-zinc-500">{name}</dt>
                  <dd className="break-words text-sm">{value}</dd>
                </div>
              ))}
            </dl>
            <div className="flex flex-wrap gap-2 print:hidden">
              <PrintButton label={t("receipt.print")} />
              <a href={`/privacy/me/receipts/${purpose}/download`} className={buttonVariants({ variant: "secondary" })} download>
                {t("receipt.download")}
              </a>
            </div>
          </>
        )}
      </div>
    </PublicShell>
  );
}
