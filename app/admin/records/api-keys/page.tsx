import type { Metadata } from "next";
import Link from "next/link";
import { ActionButton } from "@/components/admin/action-button";
import { PageHeader } from "@/components/admin/page-header";
import { ScopeBadges } from "@/components/admin/scope-badges";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { listPersonalDataKeys } from "@/lib/api-keys/queries";
import type { ApiScope } from "@/lib/api-keys/scopes";
import { requireArea } from "@/lib/auth/session";
import { formatDate, formatDateTime } from "@/lib/i18n/format";
import { getT } from "@/lib/i18n/server";
import { approveApiKeyAction, refuseApiKeyAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("apiKeys.review.title") };
}

/**
 * The keys other systems use to reach personal data, for the compliance officer to approve or stop
 * (an ADMIN makes keys but has no access to the register; here they can only look).
 */
export default async function ApiKeyApprovalsPage() {
  const actor = await requireArea("records");
  const { t, locale } = await getT();
  const keys = await listPersonalDataKeys(actor);
  const decides = actor.kind === "user" && actor.role === "COMPLIANCE";
  return (
    <>
      <Link href="/admin/records" className="text-sm text-brand-800 hover:underline">
        ← {t("nav.records")}
      </Link>
      <PageHeader title={t("apiKeys.review.title")} description={t("apiKeys.review.intro")} />
      {!decides && <p className="mb-4 text-sm text-zinc-600">{t("apiKeys.review.onlyCompliance")}</p>}
      <Card>
        {keys.length === 0 ? (
          <CardBody>
            <p className="font-medium">{t("apiKeys.review.empty")}</p>
            <p className="text-sm text-zinc-600">{t("apiKeys.review.emptyHelp")}</p>
          </CardBody>
        ) : (
          <Table>
            <thead>
              <tr>
                <Th>{t("apiKeys.name")}</Th>
                <Th>{t("apiKeys.scopes")}</Th>
                <Th>{t("apiKeys.lastUsed")}</Th>
                <Th>
                  <span className="sr-only">{t("apiKeys.review.approve")}</span>
                </Th>
              </tr>
            </thead>
            <tbody>
              {keys.map((k) => {
                const waiting = !k.revokedAt && !k.approvedAt;
                return (
                  <tr key={k.id} data-testid="api-key-approval" className={k.revokedAt ? "text-zinc-400" : undefined}>
                    <Td>
                      <div className="font-medium">{k.name}</div>
                      <code className="text-xs text-zinc-500">crk_{k.prefix}_…</code>
                      <div className="text-xs text-zinc-500">
                        {k.createdBy
                          ? t("apiKeys.review.createdBy", { name: k.createdBy, date: formatDate(k.createdAt, locale) })
                          : t("apiKeys.review.createdBySystem", { date: formatDate(k.createdAt, locale) })}
                      </div>
                      {k.approvedAt && (
                        <div className="text-xs text-zinc-500">
                          {k.approvedBy
                            ? t("apiKeys.review.approvedBy", { name: k.approvedBy, date: formatDate(k.approvedAt, locale) })
                            : t("apiKeys.review.approvedOn", { date: formatDate(k.approvedAt, locale) })}
                        </div>
                      )}
                    </Td>
                    <Td>
                      <ScopeBadges scopes={k.scopes} label={(s) => t(`apiKeys.scope.${s as ApiScope}`)} />
                    </Td>
                    <Td className="text-xs whitespace-nowrap">{k.lastUsedAt ? formatDateTime(k.lastUsedAt, locale) : t("apiKeys.never")}</Td>
                    <Td className="text-right">
                      {k.revokedAt ? (
                        <Badge>{t("apiKeys.revoked")}</Badge>
                      ) : (
                        <div className="flex flex-wrap items-center justify-end gap-2">
                          {waiting ? <Badge tone="warning">{t("apiKeys.awaitsApproval")}</Badge> : <Badge tone="success">{t("apiKeys.active")}</Badge>}
                          {decides && waiting && (
                            <ActionButton
                              action={approveApiKeyAction.bind(null, { id: k.id })}
                              label={t("apiKeys.review.approve")}
                              done={t("apiKeys.active")}
                              variant="primary"
                            />
                          )}
                          {decides && (
                            <ActionButton
                              action={refuseApiKeyAction.bind(null, { id: k.id })}
                              label={t(waiting ? "apiKeys.review.refuse" : "apiKeys.review.withdraw")}
                              done={t("apiKeys.revoked")}
                              variant="danger"
                              confirm={{
                                title: t("apiKeys.review.refuseConfirm", { name: k.name }),
                                confirmLabel: t(waiting ? "apiKeys.review.refuse" : "apiKeys.review.withdraw"),
                                tone: "danger",
                              }}
                            />
                          )}
                        </div>
                      )}
                    </Td>
                  </tr>
                );
              })}
            </tbody>
          </Table>
        )}
      </Card>
    </>
  );
}
