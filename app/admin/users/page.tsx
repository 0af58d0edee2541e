import type { Metadata } from "next";
import { PageHeader } from "@/components/admin/page-header";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { requireArea } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/i18n/format";
import { getT } from "@/lib/i18n/server";
import { listUsers } from "@/lib/users/queries";
import { InviteForm } from "./_components/invite-form";
import { UserRowActions } from "./_components/user-row-actions";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("nav.users") };
}

export default async function UsersPage() {
  const actor = await requireArea("users");
  const { t, locale } = await getT();
  const users = await listUsers(actor);
  return (
    <>
      <PageHeader title={t("nav.users")} description={t("users.description")} />
      <div className="grid gap-6 xl:grid-cols-[1fr_22rem]">
        <Card className="self-start">
          <CardHeader>
            <CardTitle>{t("users.listTitle", { count: users.length })}</CardTitle>
          </CardHeader>
          <Table>
            <thead>
              <tr>
                <Th>{t("users.name")}</Th>
                <Th>{t("users.status")}</Th>
                <Th>{t("users.lastLogin")}</Th>
                <Th>{t("users.roleAndActions")}</Th>
              </tr>
            </thead>
            <tbody>
              {users.map((u) => (
                <tr key={u.id} data-testid={`user-row-${u.email}`}>
                  <Td>
                    <div className="font-medium">{u.name}</div>
                    <div className="text-zinc-500">{u.email}</div>
                  </Td>
                  <Td>
                    {u.disabledAt ? (
                      <Badge tone="danger">{t("users.statusDisabled")}</Badge>
                    ) : u.invitationPending ? (
                      <Badge tone="warning">{t("users.statusInvited")}</Badge>
                    ) : u.resetPending ? (
                      <Badge tone="warning">{t("users.resetPending")}</Badge>
                    ) : (
                      <Badge tone="success">{t("users.statusActive")}</Badge>
                    )}
                    {u.twoFactor && (
                      <Badge tone="info" className="ml-1">
                        {t("users.twoFactorOn")}
                      </Badge>
                    )}
                  </Td>
                  <Td className="whitespace-nowrap text-zinc-600">{u.lastLoginAt ? formatDateTime(u.lastLoginAt, locale) : t("users.never")}</Td>
                  <Td>
                    <UserRowActions
                      user={{ id: u.id, name: u.name, role: u.role, disabled: !!u.disabledAt, invitationPending: u.invitationPending, twoFactor: u.twoFactor }}
                      isSelf={u.id === actor.id}
                    />
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </Card>
        <Card className="self-start">
          <CardHeader>
            <CardTitle>{t("users.inviteTitle")}</CardTitle>
          </CardHeader>
          <CardBody>
            <InviteForm />
          </CardBody>
        </Card>
      </div>
    </>
  );
}
