import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/admin/page-header";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { requireArea } from "@/lib/auth/session";
import { findDuplicateCandidates } from "@/lib/duplicates/queries";
import { getT } from "@/lib/i18n/server";
import { MergeButtons } from "../_components/merge-buttons";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("customers.duplicates") };
}

export default async function DuplicatesPage() {
  const actor = await requireArea("customers");
  const { t } = await getT();
  const pairs = await findDuplicateCandidates(actor);
  const person = (id: string, name: string | null, email: string | null) => (
    <>
      <Link href={`/admin/customers/${id}`} className="font-medium text-brand-800 hover:underline">
        {name ?? t("customers.unnamed")}
      </Link>
      <div className="text-zinc-500">{email ?? "—"}</div>
    </>
  );
  return (
    <>
      <PageHeader title={t("customers.duplicates")} description={t("customers.duplicatesDescription")} />
      <Card>
        {pairs.length === 0 ? (
          <p className="px-5 py-12 text-center text-sm text-zinc-500">{t("customers.noDuplicates")}</p>
        ) : (
          <Table>
            <thead>
              <tr>
                <Th>{t("customers.recordA")}</Th>
                <Th>{t("customers.recordB")}</Th>
                <Th>{t("customers.why")}</Th>
                <Th>{t("customers.merge")}</Th>
              </tr>
            </thead>
            <tbody>
              {pairs.map((p) => (
                <tr key={`${p.aId}-${p.bId}`} data-testid="duplicate-row">
                  <Td>{person(p.aId, p.aName, p.aEmail)}</Td>
                  <Td>{person(p.bId, p.bName, p.bEmail)}</Td>
                  <Td>
                    <Badge tone="info">{t(`customers.sameBy.${p.reason as "email"}`)}</Badge>
                  </Td>
                  <Td>
                    <MergeButtons
                      a={{ id: p.aId, name: p.aName ?? p.aEmail ?? "?" }}
                      b={{ id: p.bId, name: p.bName ?? p.bEmail ?? "?" }}
                      needsApproval={p.reason !== "email"}
                      canApprove={actor.role === "COMPLIANCE"}
                    />
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
    </>
  );
}
