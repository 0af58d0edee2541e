import type { Metadata } from "next";
import { PublicShell } from "@/components/policy/public-shell";
import { Alert } from "@/components/ui/alert";
import { previewConfirmation } from "@/lib/confirmations/queries";
import { formatDateTime } from "@/lib/i18n/format";
import { getT } from "@/lib/i18n/server";
import { ConfirmButton } from "./_components/confirm-button";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("confirm.title"), referrer: "no-referrer", robots: { index: false } };
}

const FIELDS = ["fullName", "email", "phone", "address", "organization"] as const;

/** Where the double opt-in link lands. Opening it changes nothing; the button confirms. */
export default async function ConfirmPage({ params }: { params: Promise<{ token: string }> }) {
  const { t, locale } = await getT();
  const { token } = await params;
  const preview = await previewConfirmation(token);
  return (
    <PublicShell>
      <div className="mx-auto max-w-xl space-y-5">
        <h1 className="text-2xl font-semibold">{t("confirm.title")}</h1>
        {preview.state !== "valid" ? (
          <Alert tone={preview.state === "used" ? "info" : "error"}>
            {t(preview.state === "used" ? "confirm.linkUsed" : preview.state === "expired" ? "confirm.linkExpired" : "confirm.linkInvalid")}
          </Alert>
        ) : (
          <>
            <p className="text-zinc-700">
              {t("confirm.intro", { form: locale === "en" ? preview.form.titleEn : preview.form.titleVi, date: formatDateTime(preview.submittedAt, locale) })}
            </p>
            {preview.purposes.length > 0 && (
              <section className="space-y-2">
                <h2 className="font-medium">{t("confirm.purposes")}</h2>
                <ul className="list-disc space-y-1 pl-5 text-zinc-800">
                  {preview.purposes.map((p) => (
                    <li key={p.key}>{locale === "en" ? p.labelEn : p.labelVi}</li>
                  ))}
                </ul>
              </section>
            )}
            {Object.keys(preview.proposed).length > 0 && (
              <section className="space-y-2">
                <h2 className="font-medium">{t("confirm.details")}</h2>
                <dl className="grid grid-cols-[10rem_1fr] gap-x-4 gap-y-1 text-sm">
                  {FIELDS.filter((f) => preview.proposed[f]).map((f) => (
                    <div key={f} className="contents">
                      <dt className="text-zinc-500">{t(`confirm.field.${f}`)}</dt>
                      <dd>{preview.proposed[f]}</dd>
                    </div>
                  ))}
                </dl>
              </section>
            )}
            <ConfirmButton token={token} />
          </>
        )}
      </div>
    </PublicShell>
  );
}
