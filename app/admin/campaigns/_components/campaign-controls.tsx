"use client";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { errorText } from "@/components/forms/use-action-form";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useConfirm } from "@/components/ui/confirm-dialog";
import { DateInput } from "@/components/ui/date-input";
import { Field, fieldA11y } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { useToast } from "@/components/ui/toaster";
import type { ActionResult } from "@/lib/actions/action";
import { cancelCampaignAction, pauseCampaignAction, resumeCampaignAction, scheduleCampaignAction, sendTestEmailAction } from "../actions";

/** What can be done with a campaign in its state: test, schedule, pause, resume, cancel. */
export function CampaignControls({ id, status, sending, eligible }: { id: string; status: string; sending: boolean; eligible: number | null }) {
  // A scheduled campaign is followed too, so the page shows the moment it starts.
  const follow = sending || status === "SCHEDULED" || status === "QUEUING";
  const { t } = useI18n();
  const router = useRouter();
  const toast = useToast();
  const confirm = useConfirm();
  const [error, setError] = useState<string>();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [sendOn, setSendOn] = useState("");
  const [sendTime, setSendTime] = useState("");

  // While it sends, the page follows along.
  useEffect(() => {
    if (!follow) return;
    const timer = setInterval(() => router.refresh(), 3000);
    return () => clearInterval(timer);
  }, [follow, router]);

  async function run<T>(call: () => Promise<ActionResult<T>>, done: string) {
    setBusy(true);
    setError(undefined);
    setFieldErrors({});
    try {
      const result = await call();
      if (result.ok) {
        toast.show(done);
        router.refresh();
      } else {
        setError(result.error.message);
        setFieldErrors(result.error.fieldErrors ?? {});
      }
    } catch {
      setError(t("errors.network"));
    } finally {
      setBusy(false);
    }
  }

  const schedule = async () => {
    const ok = await confirm({
      title: t(sendOn ? "campaigns.confirmScheduleTitle" : "campaigns.confirmSendTitle"),
      body: eligible === null ? undefined : t("campaigns.confirmSendBody", { count: eligible }),
      confirmLabel: t(sendOn ? "campaigns.schedule" : "campaigns.sendNow"),
    });
    if (ok) await run(() => scheduleCampaignAction({ id, sendOn, sendTime }), t(sendOn ? "campaigns.scheduled" : "campaigns.started"));
  };
  const cancel = async () => {
    const ok = await confirm({
      title: t("campaigns.confirmCancelTitle"),
      body: t("campaigns.confirmCancelBody"),
      confirmLabel: t("campaigns.cancel"),
      tone: "danger",
    });
    if (ok) await run(() => cancelCampaignAction({ id }), t("campaigns.cancelled"));
  };

  return (
    <div className="space-y-3">
      {error && <Alert tone="error">{error}</Alert>}
      {status === "DRAFT" && (
        <>
          <Button variant="secondary" disabled={busy} onClick={() => run(() => sendTestEmailAction({ id }), t("campaigns.testSent"))}>
            {t("campaigns.sendTest")}
          </Button>
          <div className="flex flex-wrap items-end gap-3 border-t border-zinc-200 pt-3">
            <Field id="s-on" label={t("campaigns.field.sendOn")} hint={t("campaigns.field.sendOnHint")} error={errorText(t, fieldErrors.sendOn)}>
              <DateInput {...fieldA11y("s-on", fieldErrors.sendOn)} defaultValue="" onChange={(e) => setSendOn(e.target.value)} />
            </Field>
            <Field id="s-time" label={t("campaigns.field.sendTime")} error={errorText(t, fieldErrors.sendTime)}>
              <Input
                {...fieldA11y("s-time", fieldErrors.sendTime)}
                className="w-28"
                inputMode="numeric"
                placeholder="09:00"
                value={sendTime}
                onChange={(e) => setSendTime(e.target.value)}
              />
            </Field>
            <Button disabled={busy} onClick={schedule}>
              {t(sendOn ? "campaigns.schedule" : "campaigns.sendNow")}
            </Button>
          </div>
        </>
      )}
      <div className="flex flex-wrap gap-2">
        {(status === "QUEUING" || status === "QUEUED") && sending && (
          <Button variant="secondary" disabled={busy} onClick={() => run(() => pauseCampaignAction({ id }), t("campaigns.paused"))}>
            {t("campaigns.pause")}
          </Button>
        )}
        {status === "PAUSED" && (
          <Button disabled={busy} onClick={() => run(() => resumeCampaignAction({ id }), t("campaigns.resumed"))}>
            {t("campaigns.resume")}
          </Button>
        )}
        {(status === "SCHEDULED" || status === "PAUSED" || ((status === "QUEUING" || status === "QUEUED") && sending)) && (
          <Button variant="danger" disabled={busy} onClick={cancel}>
            {t("campaigns.cancel")}
          </Button>
        )}
      </div>
    </div>
  );
}
