"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input, Textarea } from "@/components/ui/input";
import type { ActionResult } from "@/lib/actions/action";
import { periodLabel } from "@/lib/i18n/labels";
import type { DeadlineUnit } from "@/lib/privacy-requests/deadlines";
import { acknowledgeRequestAction, completeRequestAction, extendRequestAction, rejectRequestAction, setThirdPartyAction } from "../actions";

type Panel = "complete" | "extend" | "reject" | "thirdParty" | null;

/** The officer's steps on one request: acknowledge, extend once, complete (erasing for deletions), reject, set or clear third parties. */
export function RequestActions(props: {
  id: string;
  type: string;
  acknowledged: boolean;
  extended: boolean;
  canExtend: boolean;
  blockedBy: string | null;
  /** The request's rule: the one extension's ceiling and unit. */
  extension: { max: number; unit: DeadlineUnit };
  involvesThirdParty: boolean;
}) {
  const { t } = useI18n();
  const router = useRouter();
  const [panel, setPanel] = useState<Panel>(null);
  const [text, setText] = useState("");
  const [days, setDays] = useState("5");
  const [error, setError] = useState<{ message: string; fields?: Record<string, string> }>();
  const [pending, startTransition] = useTransition();
  const run = <T,>(action: () => Promise<ActionResult<T>>) =>
    startTransition(async () => {
      setError(undefined);
      const result = await action();
      if (result.ok) {
        setPanel(null);
        setText("");
        router.refresh();
      } else setError({ message: result.error.message, fields: result.error.fieldErrors });
    });
  const open = (p: Panel) => {
    setPanel(p);
    setError(undefined);
    setText("");
  };
  const fieldError = (name: string) => error?.fields?.[name];
  const panelTitle =
    panel === "thirdParty"
      ? t(props.involvesThirdParty ? "requests.panel.thirdPartyClear" : "requests.panel.thirdPartySet")
      : panel === "extend"
        ? t("requests.panel.extend", { period: periodLabel(t, props.extension.max, props.extension.unit) })
        : panel
          ? t(`requests.panel.${panel}`)
          : "";
  return (
    <div className="space-y-3">
      {error && !error.fields && <Alert tone="error">{error.message}</Alert>}
      <div className="flex flex-wrap gap-2">
        {!props.acknowledged && (
          <Button type="button" disabled={pending} onClick={() => run(() => acknowledgeRequestAction({ id: props.id }))}>
            {t("requests.acknowledge")}
          </Button>
        )}
        <Button
          type="button"
          variant={props.type === "DELETE" ? "danger" : "primary"}
          disabled={pending || props.blockedBy !== null}
          onClick={() => open("complete")}
        >
          {props.type === "DELETE" ? t("requests.completeErase") : t("requests.complete")}
        </Button>
        {!props.extended && props.canExtend && props.extension.max > 0 && (
          <Button type="button" variant="secondary" disabled={pending} onClick={() => open("extend")}>
            {t("requests.extend")}
          </Button>
        )}
        <Button type="button" variant="ghost" disabled={pending} onClick={() => open("reject")}>
          {t("requests.reject")}
        </Button>
        <Button type="button" variant="ghost" disabled={pending} onClick={() => open("thirdParty")}>
          {t(props.involvesThirdParty ? "requests.thirdPartyClear" : "requests.thirdPartySet")}
        </Button>
      </div>
      {props.blockedBy && (
        <Alert tone="warning" data-testid="legal-hold">
          {t("requests.legalHoldBlocks", { reason: props.blockedBy })}
        </Alert>
      )}
      {panel && (
        <form
          noValidate
          className="space-y-3 rounded-md border border-zinc-200 bg-zinc-50 p-4"
          aria-label={panelTitle}
          onSubmit={(e) => {
            e.preventDefault();
            if (panel === "complete") run(() => completeRequestAction({ id: props.id, resolution: text }));
            if (panel === "extend") run(() => extendRequestAction({ id: props.id, days: Number(days), reason: text }));
            if (panel === "reject") run(() => rejectRequestAction({ id: props.id, reason: text }));
            if (panel === "thirdParty") run(() => setThirdPartyAction({ id: props.id, involved: !props.involvesThirdParty, reason: text }));
          }}
        >
          <h3 className="font-medium">{panelTitle}</h3>
          {panel === "complete" && props.type === "DELETE" && <Alert tone="warning">{t("requests.eraseWarning")}</Alert>}
          {panel === "extend" && (
            <div className="space-y-1.5">
              <label htmlFor="ext-days" className="block text-sm font-medium">
                {t("requests.extendDays", { unit: t(`rules.unit.${props.extension.unit}`), max: props.extension.max })}
              </label>
              <Input
                id="ext-days"
                type="number"
                min={1}
                max={props.extension.max}
                value={days}
                onChange={(e) => setDays(e.target.value)}
                className="w-28"
                aria-invalid={fieldError("days") ? true : undefined}
                aria-describedby={fieldError("days") ? "ext-days-error" : undefined}
              />
              {fieldError("days") && (
                <p id="ext-days-error" role="alert" className="text-sm text-red-700">
                  {fieldError("days")}
                </p>
              )}
            </div>
          )}
          <div className="space-y-1.5">
            <label htmlFor="panel-text" className="block text-sm font-medium">
              {t(panel === "complete" ? "requests.resolution" : panel === "thirdParty" ? "requests.thirdPartyReason" : "requests.reasonToCustomer")}
            </label>
            <Textarea
              id="panel-text"
              rows={3}
              value={text}
              onChange={(e) => setText(e.target.value)}
              aria-invalid={fieldError(panel === "complete" ? "resolution" : "reason") ? true : undefined}
              aria-describedby="panel-text-error"
            />
            {fieldError(panel === "complete" ? "resolution" : "reason") && (
              <p id="panel-text-error" role="alert" className="text-sm text-red-700">
                {fieldError(panel === "complete" ? "resolution" : "reason")}
              </p>
            )}
          </div>
          <div className="flex gap-2">
            <Button type="submit" variant={panel === "complete" && props.type === "DELETE" ? "danger" : "primary"} disabled={pending}>
              {panel === "thirdParty" ? t("requests.thirdPartySave") : t(`requests.confirm.${panel}`)}
            </Button>
            <Button type="button" variant="ghost" onClick={() => setPanel(null)}>
              {t("me.cancel")}
            </Button>
          </div>
        </form>
      )}
    </div>
  );
}
