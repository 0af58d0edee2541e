import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/admin/page-header";
import { Card, CardBody } from "@/components/ui/card";
import { requireArea } from "@/lib/auth/session";
import { breachHandlers, getBreach } from "@/lib/breaches/queries";
import { breachReference, type BREACH_CATEGORIES } from "@/lib/breaches/schemas";
import { getT } from "@/lib/i18n/server";
import { vnDay } from "@/lib/privacy-requests/deadlines";
import { BreachForm } from "../../_components/breach-form";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("breaches.editTitle") };
}

const hhmm = (d: Date) => new Date(d.getTime() + 7 * 3_600_000).toISOString().slice(11, 16);

export default async function EditBreachPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireArea("breaches");
  const { t } = await getT();
  const b = await getBreach(actor, (await params).id);
  // Reported or closed: what the authority was told stays as it was.
  if (!b || b.status === "CLOSED" || b.authorityNotifiedAt) notFound();
  const handlers = await breachHandlers(actor);
  return (
    <>
      <Link href={`/admin/breaches/${b.id}`} className="text-sm text-brand-800 hover:underline">
        ← {breachReference(b.number)}
      </Link>
      <PageHeader title={t("breaches.editTitle")} description={`${breachReference(b.number)} · ${b.title}`} />
      <Card className="max-w-3xl">
        <CardBody>
          <BreachForm
            id={b.id}
            handlers={handlers}
            initial={{
              title: b.title,
              detectedOn: vnDay(b.detectedAt),
              detectedTime: hhmm(b.detectedAt),
              occurredOn: b.occurredAt ? vnDay(b.occurredAt) : "",
              description: b.description,
              dataCategories: b.dataCategories as (typeof BREACH_CATEGORIES)[number][],
              otherCategories: b.otherCategories,
              approxSubjects: b.approxSubjects,
              consequences: b.consequences,
              measures: b.measures,
              handlerId: b.handlerId,
            }}
          />
        </CardBody>
      </Card>
    </>
  );
}
