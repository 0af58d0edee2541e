// Who may do what: the one table. Navigation, pages, the action wrapper (lib/actions/action.ts),
// route handlers and lib functions all read it, and lib/auth/access-matrix.test.ts (actions and
// route handlers) and e2e/access-matrix.spec.ts (pages) check that the app behaves exactly so for
// the signed-out, each staff role and a signed-in customer. docs/security.md prints it.
import type { ApiScope } from "@/lib/api-keys/scopes";
import type { Role } from "@/lib/auth/roles";

export const AREAS = {
  dashboard: ["ADMIN", "STAFF", "COMPLIANCE"],
  users: ["ADMIN"],
  settings: ["ADMIN"],
  outbox: ["ADMIN", "COMPLIANCE"],
  audit: ["ADMIN", "COMPLIANCE"],
  forms: ["STAFF", "COMPLIANCE"],
  customers: ["STAFF", "COMPLIANCE"],
  policies: ["COMPLIANCE"],
  disclosures: ["STAFF", "COMPLIANCE"],
  // STAFF may look at the request desk; only COMPLIANCE acts on requests (checked in lib).
  requests: ["STAFF", "COMPLIANCE"],
  // Incidents are handled by the compliance officer alone (who may name an ADMIN to help).
  breaches: ["COMPLIANCE"],
  // The records of processing and the dossier: what an inspector asks for.
  records: ["COMPLIANCE", "ADMIN"],
  // Marketing email: STAFF and COMPLIANCE send; only COMPLIANCE changes the sending rules (in lib).
  campaigns: ["STAFF", "COMPLIANCE"],
  // The job system's queues and dead jobs: operations, like users and settings.
  jobs: ["ADMIN"],
} as const satisfies Record<string, readonly Role[]>;

export type Area = keyof typeof AREAS;

export function canAccess(role: Role, area: Area): boolean {
  return (AREAS[area] as readonly Role[]).includes(role);
}

export function rolesFor(area: Area): Role[] {
  return [...AREAS[area]];
}

const ALL_STAFF = ["ADMIN", "STAFF", "COMPLIANCE"] as const satisfies readonly Role[];
const COMPLIANCE = ["COMPLIANCE"] as const satisfies readonly Role[];

/**
 * "public": anyone (the lib function decides from its input, e.g. a token); "customer": a customer
 * signed in to /privacy/me; roles: staff of those roles, with `restricted` when a session that must
 * first set up two-factor may also use it.
 */
export type Access = "public" | "customer" | { roles: readonly Role[]; restricted?: true } | ApiKeyAccess;
/** /api/v1: a bearer API key holding the scope; no session of any kind opens it. */
export type ApiKeyAccess = { apiScope: ApiScope };

const area = (a: Area): Access => ({ roles: AREAS[a] });
const roles = (r: readonly Role[]): Access => ({ roles: r });

/** Every exported server action under app/, by name. A new action without a line here does not compile. */
export const ACTIONS = {
  // Anyone: the link in the request proves who may act.
  setLocaleAction: "public",
  forgotPasswordAction: "public",
  setPasswordAction: "public",
  confirmSubmissionAction: "public",
  requestLinkAction: "public",
  continueSignInAction: "public",
  signOutCustomerAction: "public",
  // Customers on their privacy page, for their own record only.
  changeConsentAction: "customer",
  objectToSharingAction: "customer",
  requestCorrectionAction: "customer",
  requestDeletionAction: "customer",
  cancelRequestAction: "customer",
  setMarketingLimitAction: "customer",
  // Every staff member, for their own account.
  changePasswordAction: roles(ALL_STAFF),
  startTwoFactorAction: { roles: ALL_STAFF, restricted: true },
  enableTwoFactorAction: { roles: ALL_STAFF, restricted: true },
  disableTwoFactorAction: roles(ALL_STAFF),
  // The register.
  createCustomerAction: area("customers"),
  updateCustomerAction: area("customers"),
  revealContactAction: area("customers"),
  terminateCustomerAction: area("customers"),
  recordConsentAction: area("customers"),
  mergeCustomersAction: area("customers"),
  decideProposalAction: area("customers"),
  uploadImportAction: area("customers"),
  checkImportAction: area("customers"),
  startImportAction: area("customers"),
  importProgressAction: area("customers"),
  recordObjectionAction: area("customers"),
  // Forms.
  createFormAction: area("forms"),
  updateFormAction: area("forms"),
  revealSubmissionContactAction: area("forms"),
  setLeadWatchersAction: area("forms"),
  markAnsweredAction: area("forms"),
  // Disclosures and promotional media (approval of advertising and authority ones: COMPLIANCE, in lib).
  createRecipientAction: roles(COMPLIANCE),
  prepareDisclosureAction: area("disclosures"),
  disclosureProgressAction: area("disclosures"),
  approveDisclosureAction: area("disclosures"),
  rejectDisclosureAction: roles(COMPLIANCE),
  createMediaAction: area("disclosures"),
  publishMediaAction: area("disclosures"),
  takedownMediaAction: area("disclosures"),
  // Policies.
  createDraftAction: area("policies"),
  updateDraftAction: area("policies"),
  schedulePolicyAction: area("policies"),
  campaignProgressAction: area("policies"),
  retryCampaignAction: area("policies"),
  sendReconsentAction: area("policies"),
  rewordPurposeAction: area("policies"),
  // The request desk: STAFF look, COMPLIANCE act.
  logRequestAction: roles(COMPLIANCE),
  acknowledgeRequestAction: roles(COMPLIANCE),
  extendRequestAction: roles(COMPLIANCE),
  completeRequestAction: roles(COMPLIANCE),
  rejectRequestAction: roles(COMPLIANCE),
  setLegalHoldAction: roles(COMPLIANCE),
  clearLegalHoldAction: roles(COMPLIANCE),
  confirmRetentionAction: roles(COMPLIANCE),
  updateRequestRuleAction: roles(COMPLIANCE),
  setThirdPartyAction: roles(COMPLIANCE),
  erasureProgressAction: area("requests"),
  // The breach register.
  logBreachAction: area("breaches"),
  updateBreachAction: area("breaches"),
  recordAuthorityNoticeAction: area("breaches"),
  linkBreachCustomersAction: area("breaches"),
  saveCustomerNoticeAction: area("breaches"),
  notifyBreachCustomersAction: area("breaches"),
  closeBreachAction: area("breaches"),
  // Records of processing.
  saveProcessorAction: area("records"),
  generateRecordDocumentAction: area("records"),
  // Keys that reach personal data: the compliance officer decides (the ADMIN who makes them cannot).
  approveApiKeyAction: roles(COMPLIANCE),
  refuseApiKeyAction: roles(COMPLIANCE),
  // Marketing campaigns (the sending rules: COMPLIANCE).
  saveCampaignAction: area("campaigns"),
  scheduleCampaignAction: area("campaigns"),
  pauseCampaignAction: area("campaigns"),
  resumeCampaignAction: area("campaigns"),
  cancelCampaignAction: area("campaigns"),
  sendTestEmailAction: area("campaigns"),
  previewEmailAction: area("campaigns"),
  previewAudienceAction: area("campaigns"),
  updateMarketingRulesAction: roles(COMPLIANCE),
  // Administration.
  verifyAuditChainAction: area("audit"),
  requeueEmailAction: area("outbox"),
  retryJobAction: area("jobs"),
  updateSettingsAction: area("settings"),
  addHolidayAction: area("settings"),
  removeHolidayAction: area("settings"),
  createApiKeyAction: area("settings"),
  revokeApiKeyAction: area("settings"),
  createWebhookAction: area("settings"),
  setWebhookEnabledAction: area("settings"),
  deleteWebhookAction: area("settings"),
  replayWebhookAction: area("settings"),
  inviteUserAction: area("users"),
  changeRoleAction: area("users"),
  setDisabledAction: area("users"),
  resendInviteAction: area("users"),
  forcePasswordResetAction: area("users"),
  resetTwoFactorAction: area("users"),
} as const satisfies Record<string, Access>;

export type ActionName = keyof typeof ACTIONS;

/**
 * Every route handler, by method and path. A redirect that only points at a page changes nothing
 * and is public; what it leads to is checked there.
 */
export const ROUTES = {
  "GET /f/[slug]": "public",
  "POST /f/[slug]": "public",
  "GET /privacy/me/export": "public",
  "POST /privacy/me/export": "customer",
  "GET /privacy/me/receipts/[purpose]/download": "customer",
  "GET /admin/attachments/[id]": "public",
  "POST /admin/attachments/[id]": area("customers"),
  "GET /admin/customers/export": "public",
  "POST /admin/customers/export": area("customers"),
  "GET /admin/disclosures/[id]/package": "public",
  "POST /admin/disclosures/[id]/package": area("disclosures"),
  "GET /admin/disclosures/export": roles(COMPLIANCE),
  "GET /admin/records/export": area("records"),
  "GET /admin/forms/[id]/export": "public",
  "POST /admin/forms/[id]/export": area("forms"),
  "GET /admin/forms/[id]/preview": area("forms"),
  "GET /api/auth/[...nextauth]": "public",
  "POST /api/auth/[...nextauth]": "public",
  "GET /api/health": "public",
  // The scraper's token (METRICS_TOKEN) is checked in the handler; no session opens it.
  "GET /api/metrics": "public",
  "GET /api/session-check": roles(ALL_STAFF),
  "OPTIONS /api/public/forms/[slug]/submissions": "public",
  "POST /api/public/forms/[slug]/submissions": "public",
  // The token in the address proves which message it was; the signature proves Resend sent it.
  "GET /api/public/unsubscribe/[token]": "public",
  "POST /api/public/unsubscribe/[token]": "public",
  "POST /api/webhooks/resend": "public",
  // Other systems, with an API key (no session opens these). The document describing them is public.
  "GET /api/v1/openapi.json": "public",
  "GET /api/v1/customers": { apiScope: "customers:read" },
  "GET /api/v1/customers/[id]": { apiScope: "customers:read" },
  "GET /api/v1/customers/[id]/consents": { apiScope: "consents:read" },
  "POST /api/v1/customers/[id]/consents": { apiScope: "consents:write" },
  "GET /api/v1/submissions": { apiScope: "submissions:read" },
  "GET /api/v1/purposes": { apiScope: "consents:read" },
  "GET /api/v1/disclosures": { apiScope: "disclosures:read" },
  "GET /api/v1/webhooks": { apiScope: "webhooks:manage" },
  "POST /api/v1/webhooks": { apiScope: "webhooks:manage" },
  "DELETE /api/v1/webhooks/[id]": { apiScope: "webhooks:manage" },
} as const satisfies Record<string, Access>;

/** Every back-office page: the area it belongs to, or "signedIn" for every staff member's own pages. */
export const PAGES = {
  "/admin": area("dashboard"),
  "/admin/account": { roles: ALL_STAFF, restricted: true },
  "/admin/audit": area("audit"),
  "/admin/customers": area("customers"),
  "/admin/customers/[id]": area("customers"),
  "/admin/customers/[id]/edit": area("customers"),
  "/admin/customers/duplicates": area("customers"),
  "/admin/customers/import": area("customers"),
  "/admin/customers/import/[id]": area("customers"),
  "/admin/customers/new": area("customers"),
  "/admin/campaigns": area("campaigns"),
  "/admin/campaigns/[id]": area("campaigns"),
  "/admin/campaigns/new": area("campaigns"),
  "/admin/campaigns/rules": area("campaigns"),
  "/admin/disclosures": area("disclosures"),
  "/admin/disclosures/[id]": area("disclosures"),
  "/admin/disclosures/media": area("disclosures"),
  "/admin/disclosures/new": area("disclosures"),
  "/admin/disclosures/recipients": area("disclosures"),
  "/admin/forms": area("forms"),
  "/admin/forms/[id]": area("forms"),
  "/admin/forms/[id]/results": area("forms"),
  "/admin/forms/[id]/submissions": area("forms"),
  "/admin/forms/new": area("forms"),
  "/admin/outbox": area("outbox"),
  "/admin/outbox/[id]": area("outbox"),
  "/admin/jobs": area("jobs"),
  "/admin/policies": area("policies"),
  "/admin/policies/[id]": area("policies"),
  "/admin/policies/new": area("policies"),
  "/admin/policies/purposes": area("policies"),
  "/admin/policies/purposes/[key]": area("policies"),
  "/admin/requests": area("requests"),
  "/admin/requests/[id]": area("requests"),
  "/admin/requests/new": roles(COMPLIANCE),
  "/admin/requests/retention": area("requests"),
  "/admin/requests/rules": area("requests"),
  "/admin/breaches": area("breaches"),
  "/admin/records": area("records"),
  "/admin/records/processors/new": area("records"),
  "/admin/records/processors/[id]": area("records"),
  "/admin/records/documents/[id]": area("records"),
  "/admin/records/api-keys": area("records"),
  "/admin/breaches/new": area("breaches"),
  "/admin/breaches/[id]": area("breaches"),
  "/admin/breaches/[id]/edit": area("breaches"),
  "/admin/breaches/[id]/notification": area("breaches"),
  "/admin/requests/rules/[type]": roles(COMPLIANCE),
  "/admin/settings": area("settings"),
  "/admin/settings/holidays": area("settings"),
  "/admin/settings/api-keys": area("settings"),
  "/admin/settings/api": area("settings"),
  "/admin/settings/webhooks": area("settings"),
  "/admin/settings/webhooks/[id]": area("settings"),
  "/admin/users": area("users"),
} as const satisfies Record<string, Access>;

export type Who = "anonymous" | "customer" | Role;

/** Whether `who` may use something with this access (restricted sessions aside). */
export function allows(access: Access, who: Who): boolean {
  if (access === "public") return true;
  if (access === "customer") return who === "customer";
  if ("apiScope" in access) return false;
  return who !== "anonymous" && who !== "customer" && access.roles.includes(who);
}
