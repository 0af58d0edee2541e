"use client";
import { useState, useTransition } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { useConfirm } from "@/components/ui/confirm-dialog";
import { Select } from "@/components/ui/input";
import type { ActionResult } from "@/lib/actions/action";
import { ROLES, type Role } from "@/lib/auth/roles";
import { changeRoleAction, forcePasswordResetAction, resendInviteAction, resetTwoFactorAction, setDisabledAction } from "../actions";

type RowUser = { id: string; name: string; role: Role; disabled: boolean; invitationPending: boolean; twoFactor: boolean };

export function UserRowActions({ user, isSelf }: { user: RowUser; isSelf: boolean }) {
  const { t } = useI18n();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ tone: "error" | "ok"; text: string }>();
  const confirm = useConfirm();

  const run = <T,>(action: () => Promise<ActionResult<T>>, okText?: string | ((data: T) => string)) =>
    startTransition(async () => {
      const result = await action();
      const text = result.ok ? (typeof okText === "function" ? okText(result.data) : okText) : undefined;
      setMessage(result.ok ? (text ? { tone: "ok", text } : undefined) : { tone: "error", text: result.error.message });
    });

  return (
    <div className="flex flex-wrap items-center gap-2">
      <label className="sr-only" htmlFor={`role-${user.id}`}>
        {t("users.roleFor", { name: user.name })}
      </label>
      <Select
        id={`role-${user.id}`}
        className="h-8 w-40"
        defaultValue={user.role}
        disabled={pending || isSelf}
        onChange={(e) => run(() => changeRoleAction({ userId: user.id, role: e.target.value as Role }), t("users.roleSaved"))}
      >
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {t(`roles.${r}`)}
          </option>
        ))}
      </Select>
      {!isSelf && (
        <Button
          size="sm"
          variant={user.disabled ? "secondary" : "danger"}
          disabled={pending}
          onClick={() => run(() => setDisabledAction({ userId: user.id, disabled: !user.disabled }))}
          aria-label={t(user.disabled ? "users.enableNamed" : "users.disableNamed", { name: user.name })}
        >
          {t(user.disabled ? "users.enable" : "users.disable")}
        </Button>
      )}
      {user.invitationPending && !user.disabled && (
        <Button size="sm" variant="ghost" disabled={pending} onClick={() => run(() => resendInviteAction({ userId: user.id }), t("users.inviteResent"))}>
          {t("users.resendInvite")}
        </Button>
      )}
      {!isSelf && !user.disabled && !user.invitationPending && (
        <Button
          size="sm"
          variant="ghost"
          disabled={pending}
          onClick={async () => {
            const sure = await confirm({
              title: t("users.forceResetTitle", { name: user.name }),
              body: t("users.forceResetConfirm", { name: user.name }),
              confirmLabel: t("users.forceReset"),
            });
            if (!sure) return;
            run(
              () => forcePasswordResetAction({ userId: user.id }),
              (data) => t("users.forceResetDone", { email: data.email }),
            );
          }}
        >
          {t("users.forceReset")}
        </Button>
      )}
      {!isSelf && user.twoFactor && (
        <Button
          size="sm"
          variant="ghost"
          disabled={pending}
          onClick={async () => {
            const sure = await confirm({
              title: t("users.resetTwoFactorTitle", { name: user.name }),
              body: t("users.resetTwoFactorConfirm", { name: user.name }),
              confirmLabel: t("users.resetTwoFactor"),
            });
            if (!sure) return;
            run(() => resetTwoFactorAction({ userId: user.id }), t("users.resetTwoFactorDone", { name: user.name }));
          }}
        >
          {t("users.resetTwoFactor")}
        </Button>
      )}
      {message && (
        <span role={message.tone === "error" ? "alert" : "status"} className={message.tone === "error" ? "text-sm text-red-700" : "text-sm text-emerald-700"}>
          {message.text}
        </span>
      )}
    </div>
  );
}
