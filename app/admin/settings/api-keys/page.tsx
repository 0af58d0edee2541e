import type { Metadata } from "next";
import Link from "next/link";
import { ActionButton } from "@/components/admin/action-button";
import { PageHeader } from "@/components/admin/page-header";
import { ScopeBadges } from "@/components/admin/scope-badges";
import { Badge } from "@/components/ui/badge";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { listApiKeys } from "@/lib/api-keys/queries";
import type { ApiScope } from "@/lib/api-keys/scopes";
import { requireArea } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/i18n/format";
import { getT } from "@/lib/i18n/server";
import { revokeApiKeyAction } from "../actions";
import { ApiKeyForm } from "./_components/api-key-form";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("apiKeys.title") };
}

export default async function ApiKeysPage() {
  const actor = await requireArea("settings");
  const { t, locale } = await getT();
  const keys = await listApiKeys(actor);
  return (
    <>
      <Link href="/admin/settings" className="text-sm text-brand-800 hover:underline">
        ← {t("nav.settings")}
      </Link>
      <PageHeader
        title={t("apiKeys.title")}
        description={t("apiKeys.intro")}
        actions={
          <Link href="/admin/settings/api" className={buttonVariants({ variant: "secondary" })}>
            {t("apiDocs.title")}
          </Link>
        }
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          {keys.length === 0 ? (
            <CardBody>
              <p className="font-medium">{t("apiKeys.empty")}</p>
              <p className="text-sm text-zinc-600">{t("apiKeys.emptyHelp")}</p>
            </CardBody>
          ) : (
            <Table>
              <thead>
                <tr>
                  <Th>{t("apiKeys.name")}</Th>
                  <Th>{t("apiKeys.scopes")}</Th>
                  <Th>{t("apiKeys.lastUsed")}</Th>
                  <Th>
                    <span className="sr-only">{t("apiKeys.revoke")}</span>
                  </Th>
                </tr>
              </thead>
              <tbody>
                {keys.map((k) => (
                  <tr key={k.id} data-testid="api-key-row" className={k.revokedAt ? "text-zinc-400" : undefined}>
                    <Td>
                      <div className="font-medium">{k.name}</div>
                      <code className="text-xs text-zinc-500">crk_{k.prefix}_…</code>
                      <div className="text-xs text-zinc-500">{t("apiKeys.perMinute", { count: k.rateLimitPerMinute })}</div>
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
                          {!k.approvedAt && (
                            <Badge tone="warning" data-testid="awaits-approval">
                              {t("apiKeys.awaitsApproval")}
                            </Badge>
                          )}
                          <ActionButton
                            action={revokeApiKeyAction.bind(null, { id: k.id })}
                            label={t("apiKeys.revoke")}
                            done={t("apiKeys.revoked")}
                            variant="danger"
                            confirm={{ title: t("apiKeys.revokeConfirm", { name: k.name }), confirmLabel: t("apiKeys.revoke"), tone: "danger" }}
                          />
                        </div>
                      )}
                    </Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>{t("apiKeys.create")}</CardTitle>
          </CardHeader>
          <CardBody>
            <ApiKeyForm />
          </CardBody>
        </Card>
      </div>
    </>
  );
}
