import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/admin/page-header";
import { Card, CardBody } from "@/components/ui/card";
import { requireArea } from "@/lib/auth/session";
import { breachHandlers } from "@/lib/breaches/queries";
import { now } from "@/lib/clock";
import { getT } from "@/lib/i18n/server";
import { vnDay } from "@/lib/privacy-requests/deadlines";
import { BreachForm } from "../_components/breach-form";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("breaches.new") };
}

export default async function NewBreachPage() {
  const actor = await requireArea("breaches");
  const { t } = await getT();
  const [handlers, at] = await Promise.all([breachHandlers(actor), now()]);
  return (
    <>
      <Link href="/admin/breaches" className="text-sm text-brand-800 hover:underline">
        ← {t("nav.breaches")}
      </Link>
      <PageHeader title={t("breaches.new")} description={t("breaches.newIntro")} />
      <Card className="max-w-3xl">
        <CardBody>
          <BreachForm
            handlers={handlers}
            initial={{
              title: "",
              detectedOn: vnDay(at),
              detectedTime: "",
              occurredOn: "",
              description: "",
              dataCategories: [],
              otherCategories: "",
              approxSubjects: 0,
              consequences: "",
              measures: "",
              handlerId: actor.kind === "user" ? actor.id : "",
            }}
          />
        </CardBody>
      </Card>
    </>
  );
}
