import "server-only";
import { authorize, type Actor } from "@/lib/auth/actor";
import { rolesFor } from "@/lib/auth/permissions";
import { now } from "@/lib/clock";
import { db } from "@/lib/db";
import { ALLOWED_FIELDS, RECIPIENT_CATEGORIES, type RecipientCategory } from "@/lib/disclosures/rules";
import { PERSONAL_FIELDS, readFieldModes } from "@/lib/forms/definition";
import { PURPOSE_GATES } from "@/lib/purposes/queries";
import { readSettings } from "@/lib/settings/queries";
import { isForeign, SECURITY_MEASURES } from "./schemas";

// The records of processing, assembled from what the app is configured to do — purposes, the forms
// that collect for them, the disclosure rules, processors, settings — never typed a second time.
const ROLES = rolesFor("records");

/** Which recipient categories a purpose feeds: advertising partners only with advertising consent, shippers for the service, authorities for any. */
function recipientCategoriesFor(purpose: { key: string; legalBasis: string }): RecipientCategory[] {
  const categories: RecipientCategory[] = [];
  if (PURPOSE_GATES[purpose.key] === "advertisingDisclosures") categories.push("ADVERTISING");
  if (purpose.legalBasis === "CONTRACT") categories.push("SHIPPING");
  categories.push("AUTHORITY");
  return categories;
}

export async function recordsOfProcessing(actor: Actor) {
  authorize(actor, ...ROLES);
  const [settings, purposes, recipients, processors, at] = await Promise.all([
    readSettings(),
    db().purpose.findMany({
      where: { active: true },
      orderBy: { sortOrder: "asc" },
      select: {
        key: true,
        legalBasis: true,
        labelVi: true,
        labelEn: true,
        descriptionVi: true,
        descriptionEn: true,
        versions: { orderBy: { number: "desc" }, take: 1, select: { number: true } },
        forms: { where: { form: { status: { not: "DRAFT" } } }, select: { form: { select: { slug: true, titleVi: true, titleEn: true, fields: true } } } },
      },
    }),
    db().recipient.findMany({ where: { active: true }, orderBy: { name: "asc" }, select: { name: true, category: true, agreementRef: true } }),
    db().processor.findMany({ where: { active: true }, orderBy: { name: "asc" } }),
    now(),
  ]);
  const processorList = processors.map((p) => ({
    id: p.id,
    name: p.name,
    serviceVi: p.serviceVi,
    serviceEn: p.serviceEn,
    location: p.location,
    country: p.country,
    crossBorder: isForeign(p),
    dataCategories: p.dataCategories,
    contractRef: p.contractRef,
    since: p.since.toISOString().slice(0, 10),
  }));
  return {
    generatedAt: at.toISOString(),
    controller: {
      nameVi: settings.companyName,
      nameEn: settings.companyNameEn,
      addressVi: settings.companyAddress,
      addressEn: settings.companyAddressEn,
      contactEmail: settings.contactEmail,
      dataProtectionContact: { name: settings.dpoName, email: settings.dpoEmail, phone: settings.dpoPhone },
    },
    // Data is stored on the servers at the headquarters: the settings' address, in both languages.
    storage: { atHeadquarters: true, vi: settings.companyAddress, en: settings.companyAddressEn },
    retentionGraceDays: settings.retentionGraceDays,
    purposes: purposes.map((p) => {
      const forms = p.forms.map((f) => f.form);
      // Data categories: what the forms that collect for this purpose ask; without a form, what the register holds.
      const asked = new Set(forms.flatMap((f) => PERSONAL_FIELDS.filter((field) => readFieldModes(f.fields)[field] !== "off")));
      const dataCategories = forms.length > 0 ? PERSONAL_FIELDS.filter((f) => asked.has(f)) : [...PERSONAL_FIELDS];
      const categories = recipientCategoriesFor(p);
      return {
        key: p.key,
        labelVi: p.labelVi,
        labelEn: p.labelEn,
        descriptionVi: p.descriptionVi,
        descriptionEn: p.descriptionEn,
        legalBasis: p.legalBasis,
        wordingVersion: p.versions[0]?.number ?? 1,
        dataCategories,
        sources: [
          // One line per form title (several forms may share one, e.g. the same form on several sites).
          ...[...new Map(forms.map((f) => [`${f.titleVi}\n${f.titleEn}`, f])).values()].map((f) => ({
            kind: "form" as const,
            slugs: forms.filter((g) => g.titleVi === f.titleVi && g.titleEn === f.titleEn).map((g) => g.slug),
            titleVi: f.titleVi,
            titleEn: f.titleEn,
          })),
          { kind: "staff" as const },
          { kind: "import" as const },
        ],
        recipients: categories.map((category) => ({
          category,
          fields: [...ALLOWED_FIELDS[category]],
          names: recipients.filter((r) => r.category === category).map((r) => r.name),
        })),
        processors: processorList.filter((pr) => dataCategories.some((c) => pr.dataCategories.includes(c))).map((pr) => pr.name),
        retention: { basis: p.legalBasis, graceDays: settings.retentionGraceDays },
      };
    }),
    recipients: RECIPIENT_CATEGORIES.map((category) => ({
      category,
      fields: [...ALLOWED_FIELDS[category]],
      recipients: recipients.filter((r) => r.category === category).map((r) => ({ name: r.name, agreementRef: r.agreementRef })),
    })),
    processors: processorList,
    securityMeasures: [...SECURITY_MEASURES],
  };
}
export type RecordsOfProcessing = Awaited<ReturnType<typeof recordsOfProcessing>>;

export async function getProcessor(actor: Actor, id: string) {
  authorize(actor, ...ROLES);
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  return db().processor.findUnique({ where: { id } });
}

/** Every generated dossier document, newest version first. */
export async function listRecordDocuments(actor: Actor) {
  authorize(actor, ...ROLES);
  return db().recordDocument.findMany({
    orderBy: [{ kind: "asc" }, { version: "desc" }],
    select: { id: true, kind: true, version: true, createdAt: true, processorId: true, processor: { select: { name: true } } },
  });
}

export async function getRecordDocument(actor: Actor, id: string) {
  authorize(actor, ...ROLES);
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  return db().recordDocument.findUnique({ where: { id } });
}
