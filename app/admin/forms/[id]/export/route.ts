// CSV export of a form's submissions, streamed batch by batch (constant memory) and audited.
import { currentActor } from "@/lib/auth/session";
import { crossSiteRefusal, isSameOriginRequest } from "@/lib/http/same-origin";
import { canAccess } from "@/lib/auth/permissions";
import { recordExport } from "@/lib/submissions/mutations";
import { getForm } from "@/lib/forms/queries";
import { submissionBatches, type SubmissionRow } from "@/lib/submissions/queries";
import { CSV_BOM, csvRow } from "@/lib/csv";
import { answerText } from "@/lib/forms/definition";
import { getT } from "@/lib/i18n/server";

/** Opening the address exports nothing: the button is on the form's submissions page. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return Response.redirect(new URL(`/admin/forms/${encodeURIComponent((await params).id)}/submissions`, request.url), 303);
}

export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  if (!isSameOriginRequest(request)) return crossSiteRefusal();
  const actor = await currentActor();
  if (!actor || !canAccess(actor.role, "forms")) return new Response("Forbidden", { status: 403 });
  const form = await getForm(actor, (await params).id);
  if (!form) return new Response("Not found", { status: 404 });
  const { t, locale } = await getT();
  const pick = (vi: string, en: string) => (locale === "en" ? en : vi);
  const header = [
    t("forms.csv.submittedAt"),
    t("forms.csv.submissionId"),
    t("forms.csv.language"),
    t("forms.csv.customerId"),
    t("publicForm.field.fullName"),
    t("publicForm.field.email"),
    t("publicForm.field.phone"),
    t("publicForm.field.address"),
    t("publicForm.field.organization"),
    t("forms.consentsGranted"),
    ...form.questions.map((q) => pick(q.labelVi, q.labelEn)),
  ];
  const toCells = (s: SubmissionRow) => {
    // Phone and address come masked for roles that see them masked on screen (lib/submissions).
    const f = s.fields;
    const answers = s.answers as Record<string, unknown>;
    return [
      s.createdAt,
      s.id,
      s.locale,
      s.customer?.id,
      f.fullName,
      f.email,
      f.phone,
      f.address,
      f.organization,
      s.consentEvents.map((c) => c.purpose.key).join("; "),
      ...form.questions.map((q) => answerText(q, answers[q.key], locale)),
    ];
  };
  const encoder = new TextEncoder();
  // On the record before anything is sent.
  await recordExport(actor, { formId: form.id });
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      controller.enqueue(encoder.encode(CSV_BOM + csvRow(header)));
      for await (const batch of submissionBatches(actor, form.id)) {
        controller.enqueue(encoder.encode(batch.map((s) => csvRow(toCells(s))).join("")));
      }
      controller.close();
    },
  });
  const filename = `${form.slug}-submissions-${new Date().toISOString().slice(0, 10)}.csv`;
  return new Response(stream, {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${filename}"`, "cache-control": "no-store" },
  });
}
