import { Button, Text } from "@react-email/components";
import type { Translate } from "@/lib/i18n/translate";
import { EmailLayout, emailButton, emailText } from "./email-layout";

export type DigestRow = { reference: string; type: string; deadline: string; daysLeft: number };
/** `missingHolidayYears`: years the holiday table lacks, so deadlines in them would count Tết as working days. */
/** Breaches whose 72-hour notification to the authority is still due. */
export type DigestBreach = { reference: string; title: string; due: string; overdue: boolean };
/** `retentionEligible`: customers the retention rules let us erase now (terminated long ago, or leads gone quiet). */
export type PrivacyDigestEmailProps = {
  overdue: DigestRow[];
  dueSoon: DigestRow[];
  missingHolidayYears: number[];
  breaches?: DigestBreach[];
  retentionEligible?: number;
  link: string;
};

export function privacyDigestSubject(t: Translate, p: PrivacyDigestEmailProps) {
  if (p.breaches?.length) return t("email.digest.subjectBreaches", { count: p.breaches.length, overdue: p.overdue.length, dueSoon: p.dueSoon.length });
  if (p.overdue.length + p.dueSoon.length === 0) return t("email.digest.subjectHolidays", { years: p.missingHolidayYears.join(", ") });
  return t("email.digest.subject", { overdue: p.overdue.length, dueSoon: p.dueSoon.length });
}

function Rows({ t, rows }: { t: Translate; rows: DigestRow[] }) {
  return (
    <>
      {rows.map((r) => (
        <Text key={r.reference} style={{ ...emailText, margin: "2px 0" }}>
          {t("email.digest.row", { reference: r.reference, type: r.type, deadline: r.deadline, days: r.daysLeft })}
        </Text>
      ))}
    </>
  );
}

/** The daily reminder to compliance officers: overdue requests first, then those due soon, then a holiday table that needs a year. */
export function PrivacyDigestEmail({ t, lang, company, ...p }: PrivacyDigestEmailProps & { t: Translate; lang: string; company: string }) {
  return (
    <EmailLayout lang={lang} company={company} preview={privacyDigestSubject(t, p)} footer={t("email.footer.staff")}>
      {(p.breaches ?? []).map((b) => (
        <Text key={b.reference} style={{ ...emailText, fontWeight: 700, color: "#b91c1c" }}>
          {t(b.overdue ? "email.digest.breachOverdue" : "email.digest.breach", { reference: b.reference, title: b.title, due: b.due })}
        </Text>
      ))}
      {p.overdue.length > 0 && (
        <Text style={{ ...emailText, fontWeight: 700, color: "#b91c1c" }}>{t("email.digest.overdue", { count: p.overdue.length })}</Text>
      )}
      <Rows t={t} rows={p.overdue} />
      {p.dueSoon.length > 0 && <Text style={{ ...emailText, fontWeight: 700 }}>{t("email.digest.dueSoon", { count: p.dueSoon.length })}</Text>}
      <Rows t={t} rows={p.dueSoon} />
      {(p.retentionEligible ?? 0) > 0 && <Text style={emailText}>{t("email.digest.retention", { count: p.retentionEligible ?? 0 })}</Text>}
      {p.missingHolidayYears.length > 0 && (
        <Text style={{ ...emailText, color: "#92400e" }}>
          {t("holidays.missing", { years: p.missingHolidayYears.join(", ") })} {t("holidays.missingAsk")}
        </Text>
      )}
      <Button href={p.link} style={emailButton}>
        {t("email.digest.button")}
      </Button>
    </EmailLayout>
  );
}
