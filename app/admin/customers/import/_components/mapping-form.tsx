"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Select, Textarea } from "@/components/ui/input";
import { Table, Td, Th } from "@/components/ui/table";
import type { Mapping } from "@/lib/imports/mapping";
import type { ImportReport } from "@/lib/imports/schemas";
import { translateMessage } from "@/lib/i18n/translate";
import { checkImportAction, startImportAction } from "../actions";

type Target = { value: string; label: string };

export function MappingForm(props: {
  id: string;
  headers: string[];
  samples: string[][];
  mapping: Mapping;
  evidence: string;
  report: ImportReport | null;
  targets: Target[];
}) {
  const { t } = useI18n();
  const router = useRouter();
  const [mapping, setMapping] = useState(props.mapping);
  const [evidence, setEvidence] = useState(props.evidence);
  const [report, setReport] = useState(props.report);
  const [error, setError] = useState<{ message: string; fields: Record<string, string> }>();
  const [pending, startTransition] = useTransition();
  const consentMapped = Object.values(mapping).some((v) => v.startsWith("consent:"));

  const check = () =>
    startTransition(async () => {
      setError(undefined);
      const result = await checkImportAction({ id: props.id, mapping, evidence });
      if (result.ok) setReport(result.data);
      else setError({ message: result.error.message, fields: result.error.fieldErrors ?? {} });
    });
  const start = () =>
    startTransition(async () => {
      const result = await startImportAction({ id: props.id, checkedAt: report?.checkedAt ?? "" });
      if (result.ok) router.refresh();
      else setError({ message: result.error.message, fields: {} });
    });

  return (
    <div className="space-y-6">
      {error && <Alert tone="error">{error.fields.mapping ?? error.message}</Alert>}
      <Table aria-label={t("imports.mappingTitle")}>
        <thead>
          <tr>
            <Th>{t("imports.column")}</Th>
            <Th>{t("imports.samples")}</Th>
            <Th>{t("imports.target")}</Th>
          </tr>
        </thead>
        <tbody>
          {props.headers.map((header, i) => (
            <tr key={i}>
              <Td className="font-medium">{header || `#${i + 1}`}</Td>
              <Td className="max-w-xs truncate text-zinc-500">
                {props.samples
                  .map((s) => s[i])
                  .filter(Boolean)
                  .join(" · ")}
              </Td>
              <Td>
                <label className="sr-only" htmlFor={`map-${i}`}>
                  {t("imports.targetFor", { column: header || `#${i + 1}` })}
                </label>
                <Select
                  id={`map-${i}`}
                  className="h-9"
                  value={mapping[String(i)] ?? ""}
                  onChange={(e) => {
                    setReport(null);
                    setMapping({ ...mapping, [String(i)]: e.target.value });
                  }}
                >
                  {props.targets.map((target) => (
                    <option key={target.value} value={target.value}>
                      {target.label}
                    </option>
                  ))}
                </Select>
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
      {consentMapped && (
        <Field id="evidence" label={t("imports.evidence")} hint={t("imports.evidenceHint")} error={error?.fields.evidence}>
          <Textarea
            id="evidence"
            rows={2}
            value={evidence}
            onChange={(e) => {
              setReport(null);
              setEvidence(e.target.value);
            }}
            aria-invalid={error?.fields.evidence ? true : undefined}
          />
        </Field>
      )}
      <div className="flex flex-wrap gap-3">
        <Button type="button" variant="secondary" onClick={check} disabled={pending}>
          {t("imports.check")}
        </Button>
        <Button type="button" onClick={start} disabled={pending || !report || report.validRows === 0}>
          {t("imports.start", { count: report?.validRows ?? 0 })}
        </Button>
      </div>
      {report && (
        <section aria-label={t("imports.reportTitle")} className="space-y-3" data-testid="import-report">
          <Alert tone={report.errorRows ? "warning" : "success"}>
            {t("imports.reportSummary", { valid: report.validRows, errors: report.errorRows, blank: report.blankLines })}
            {report.formulaCells > 0 && <> {t("imports.formulaNote", { count: report.formulaCells })}</>}
          </Alert>
          {report.errors.length > 0 && (
            <Table>
              <thead>
                <tr>
                  <Th>{t("imports.row")}</Th>
                  <Th>{t("imports.column")}</Th>
                  <Th>{t("imports.problem")}</Th>
                </tr>
              </thead>
              <tbody>
                {report.errors.map((e, i) => (
                  <tr key={i}>
                    <Td className="tabular-nums">{e.row}</Td>
                    <Td>{e.column}</Td>
                    <Td>{translateMessage(t, e.message)}</Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
        </section>
      )}
    </div>
  );
}
