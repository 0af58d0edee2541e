import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { PageHeader } from "@/components/admin/page-header";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { requireArea } from "@/lib/auth/session";
import { now } from "@/lib/clock";
import { getCustomer, listCustomers } from "@/lib/customers/queries";
import { customerFilterSchema } from "@/lib/customers/schemas";
import { customerName } from "@/lib/i18n/labels";
import { getT } from "@/lib/i18n/server";
import { vnDay } from "@/lib/privacy-requests/deadlines";
import { listPurposes } from "@/lib/purposes/queries";
import { LogRequestForm } from "../_components/log-request-form";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("requests.log") };
}

/** Step 1: find the customer in the register; step 2: the request itself. */
export default async function NewRequestPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requireArea("requests");
  if (actor.role !== "COMPLIANCE") forbidden();
  const { t, locale } = await getT();
  const p = await searchParams;
  const customer = p.customerId && /^[0-9a-f-]{36}$/i.test(p.customerId) ? await getCustomer(actor, p.customerId) : null;
  const q = (p.q ?? "").trim().slice(0, 200);
  const matches = !customer && q ? (await listCustomers(actor, customerFilterSchema.parse({ q }))).rows.slice(0, 10) : [];
  const purposes = (await listPurposes()).map((x) => ({ key: x.key, label: locale === "en" ? x.labelEn : x.labelVi }));
  return (
    <>
      <Link href="/admin/requests" className="text-sm text-brand-800 hover:underline">
        ← {t("nav.requests")}
      </Link>
      <PageHeader title={t("requests.log")} description={t("requests.logIntro")} />
      <Card className="max-w-3xl">
        <CardHeader>
          <CardTitle>{customer ? customerName(t, customer) : t("requests.findCustomer")}</CardTitle>
        </CardHeader>
        <CardBody>
          {customer ? (
            <>
              <p className="mb-4 text-sm text-zinc-600">
                {customer.email} ·{" "}
                <Link href="/admin/requests/new" className="text-brand-800 underline">
                  {t("requests.otherCustomer")}
                </Link>
              </p>
              <LogRequestForm customerId={customer.id} today={vnDay(await now())} purposes={purposes} />
            </>
          ) : (
            <div className="space-y-4">
              <form method="get" className="flex gap-2" role="search" aria-label={t("requests.findCustomer")}>
                <label htmlFor="find-q" className="sr-only">
                  {t("customers.search")}
                </label>
                <Input id="find-q" name="q" defaultValue={q} placeholder={t("customers.searchPlaceholder")} />
                <button type="submit" className={buttonVariants({ variant: "secondary" })}>
                  {t("customers.search")}
                </button>
              </form>
              {q && matches.length === 0 && <p className="text-sm text-zinc-600">{t("requests.noMatches")}</p>}
              <ul className="divide-y divide-zinc-100 text-sm">
                {matches.map((m) => (
                  <li key={m.id} className="flex items-center justify-between gap-3 py-2">
                    <span>
                      {m.fullName ?? "—"} <span className="text-zinc-500">· {m.email ?? m.phone ?? ""}</span>
                    </span>
                    <Link
                      href={`/admin/requests/new?customerId=${m.id}`}
                      className={buttonVariants({ size: "sm" })}
                      aria-label={t("requests.chooseCustomer", { name: m.fullName ?? m.email ?? "" })}
                    >
                      {t("requests.choose")}
                    </Link>
                  </li>
                ))}
              </ul>
            </div>
          )}
        </CardBody>
      </Card>
    </>
  );
}
