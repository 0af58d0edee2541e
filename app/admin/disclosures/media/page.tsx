import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/admin/page-header";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { requireArea } from "@/lib/auth/session";
import { formatDate } from "@/lib/i18n/format";
import { getT } from "@/lib/i18n/server";
import { listMedia } from "@/lib/media/queries";
import { MediaButtons, MediaForm } from "../_components/media-panel";
import { customerName } from "@/lib/i18n/labels";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("media.title") };
}

export default async function MediaPage() {
  const actor = await requireArea("disclosures");
  const { t, locale } = await getT();
  const items = await listMedia(actor);
  const toTakeDown = items.filter((i) => (i.status === "PUBLISHED" || i.status === "TAKEDOWN_REQUESTED") && i.blocked.length > 0);
  return (
    <>
      <PageHeader title={t("media.title")} description={t("media.description")} />
      {toTakeDown.length > 0 && (
        <Alert tone="error" className="mb-4">
          {t("media.takedownNeeded", { count: toTakeDown.length })}
        </Alert>
      )}
      <div className="grid gap-6 xl:grid-cols-[1fr_24rem]">
        <div className="space-y-4">
          {items.length === 0 && <p className="text-sm text-zinc-500">{t("media.none")}</p>}
          {items.map((item) => (
            <Card key={item.id} data-testid="media-item">
              <CardBody className="space-y-2">
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <a href={item.link} target="_blank" rel="noopener" className="font-medium text-brand-800 underline">
                    {item.title}
                  </a>
                  <Badge tone={item.status === "PUBLISHED" ? "success" : item.status === "TAKEN_DOWN" ? "neutral" : "warning"}>
                    {t(`media.status.${item.status}`)}
                  </Badge>
                </div>
                <p className="text-sm text-zinc-600">
                  {item.publishedWhere}
                  {item.publishedAt && ` · ${formatDate(item.publishedAt, locale)}`}
                  {item.takenDownAt && ` · ${t("media.takenDownOn", { date: formatDate(item.takenDownAt, locale) })}`}
                </p>
                <p className="text-sm">
                  {item.appearances.map((a, k) => (
                    <span key={a.customer.id}>
                      {k > 0 && ", "}
                      <Link href={`/admin/customers/${a.customer.id}`} className="hover:underline">
                        {customerName(t, a.customer)}
                      </Link>
                    </span>
                  ))}
                </p>
                {item.blocked.length > 0 && (
                  <p className="text-sm text-red-700">
                    {item.blocked
                      .map(
                        (b) =>
                          `${b.reason === "ERASED" ? t("customers.erasedName") : (b.fullName ?? t("customers.unnamed"))}: ${t(`disclosures.exclusion.${b.reason}`)}`,
                      )
                      .join("; ")}
                  </p>
                )}
                <MediaButtons id={item.id} status={item.status} blocked={item.blocked.length} />
              </CardBody>
            </Card>
          ))}
        </div>
        <Card className="self-start">
          <CardHeader>
            <CardTitle>{t("media.new")}</CardTitle>
          </CardHeader>
          <CardBody>
            <MediaForm />
          </CardBody>
        </Card>
      </div>
    </>
  );
}
