"use client";
import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, fieldA11y } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { disableTwoFactorAction, enableTwoFactorAction, startTwoFactorAction } from "../actions";

type Setup = { secret: string; qrSvg: string };

/** Off → QR code and first code → recovery codes shown once → on (with a way to turn it off). */
export function TwoFactorPanel({ enabled, required }: { enabled: boolean; required: boolean }) {
  const { t } = useI18n();
  const router = useRouter();
  const id = useId();
  const [pending, startTransition] = useTransition();
  const [setup, setSetup] = useState<Setup>();
  const [codes, setCodes] = useState<string[]>();
  const [value, setValue] = useState("");
  const [error, setError] = useState<string>();

  if (codes) {
    return (
      <div className="space-y-3" data-testid="recovery-codes">
        <h3 className="font-medium">{t("account.recoveryTitle")}</h3>
        <p className="text-sm text-zinc-700">{t("account.recoveryIntro")}</p>
        <ul className="grid grid-cols-2 gap-2 font-mono text-sm sm:grid-cols-3">
          {codes.map((c) => (
            <li key={c} className="rounded bg-zinc-100 px-2 py-1">
              {c}
            </li>
          ))}
        </ul>
        <Button
          onClick={() => {
            setCodes(undefined);
            router.refresh();
          }}
        >
          {t("account.recoveryDone")}
        </Button>
      </div>
    );
  }

  if (enabled) {
    if (required) return null;
    return (
      <form
        className="space-y-3"
        onSubmit={(e) => {
          e.preventDefault();
          startTransition(async () => {
            const result = await disableTwoFactorAction({ password: value });
            if (result.ok) router.refresh();
            else setError(result.error.fieldErrors?.password ?? result.error.message);
          });
        }}
      >
        <Field id={`${id}-password`} label={t("account.disablePassword")} error={error}>
          <Input
            type="password"
            autoComplete="current-password"
            value={value}
            onChange={(e) => setValue(e.target.value)}
            {...fieldA11y(`${id}-password`, error)}
          />
        </Field>
        <Button type="submit" variant="danger" disabled={pending}>
          {t("account.disable")}
        </Button>
      </form>
    );
  }

  if (!setup) {
    return (
      <div className="space-y-2">
        {error && <Alert tone="error">{error}</Alert>}
        <Button
          disabled={pending}
          onClick={() =>
            startTransition(async () => {
              const result = await startTwoFactorAction({});
              if (result.ok) setSetup(result.data);
              else setError(result.error.message);
            })
          }
        >
          {t("account.setUp")}
        </Button>
      </div>
    );
  }

  return (
    <form
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        startTransition(async () => {
          const result = await enableTwoFactorAction({ code: value });
          if (result.ok) {
            setCodes(result.data.recoveryCodes);
            setValue("");
          } else setError(result.error.fieldErrors?.code ?? result.error.message);
        });
      }}
    >
      <p className="text-sm text-zinc-700">{t("account.scan")}</p>
      <div className="flex flex-wrap items-center gap-4">
        <div
          role="img"
          aria-label={t("account.qrLabel")}
          className="h-44 w-44 rounded border border-zinc-200 bg-white p-1"
          // biome-ignore lint/security/noDangerouslySetInnerHtml: an SVG the server generated from the secret (uqr), not user content.
          dangerouslySetInnerHTML={{ __html: setup.qrSvg }}
        />
        <code className="rounded bg-zinc-100 px-2 py-1 text-sm break-all" data-testid="totp-secret">
          {setup.secret}
        </code>
      </div>
      <Field id={`${id}-code`} label={t("account.confirmCode")} error={error}>
        <Input
          autoComplete="one-time-code"
          inputMode="numeric"
          value={value}
          onChange={(e) => setValue(e.target.value)}
          className="max-w-40"
          {...fieldA11y(`${id}-code`, error)}
        />
      </Field>
      <Button type="submit" disabled={pending}>
        {t("account.enable")}
      </Button>
    </form>
  );
}
