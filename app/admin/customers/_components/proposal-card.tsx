"use client";
import { useState, useTransition } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { decideProposalAction } from "../actions";

type Proposal = { id: string; formTitle: string; when: string; awaitingOwner: boolean; rows: { label: string; value: string }[] };

/** One set of details a visitor proposed: staff apply it (audited) or dismiss it. */
export function ProposalCard({ proposal }: { proposal: Proposal }) {
  const { t } = useI18n();
  const [pending, startTransition] = useTransition();
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string }>();
  const decide = (decision: "APPLY" | "DISMISS") =>
    startTransition(async () => {
      const result = await decideProposalAction({ submissionId: proposal.id, decision });
      setOutcome(
        result.ok ? { ok: true, text: t(decision === "APPLY" ? "proposals.applied" : "proposals.dismissed") } : { ok: false, text: result.error.message },
      );
    });
  return (
    <li className="space-y-2 rounded-md border border-zinc-200 p-3 text-sm" data-testid="proposal">
      <div className="flex flex-wrap items-center gap-2">
        <span className="text-zinc-600">{t("proposals.from", { form: proposal.formTitle, date: proposal.when })}</span>
        {proposal.awaitingOwner && <Badge tone="warning">{t("proposals.awaitingOwner")}</Badge>}
      </div>
      <dl className="grid grid-cols-[8rem_1fr] gap-x-3 gap-y-1">
        {proposal.rows.map((r) => (
          <div key={r.label} className="contents">
            <dt className="text-zinc-500">{r.label}</dt>
            <dd>{r.value}</dd>
          </div>
        ))}
      </dl>
      {outcome?.ok ? (
        <p role="status" className="text-emerald-700">
          {outcome.text}
        </p>
      ) : (
        <div className="flex flex-wrap items-center gap-2">
          <Button size="sm" disabled={pending} onClick={() => decide("APPLY")}>
            {t("proposals.apply")}
          </Button>
          <Button size="sm" variant="secondary" disabled={pending} onClick={() => decide("DISMISS")}>
            {t("proposals.dismiss")}
          </Button>
          {outcome && (
            <span role="alert" className="text-red-700">
              {outcome.text}
            </span>
          )}
        </div>
      )}
    </li>
  );
}
