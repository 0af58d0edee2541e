// Every /api/v1 operation once: method, path, the scope it needs, and the zod schemas of its input
// and output. Route handlers are built from these (lib/api/handler.ts) and the OpenAPI document is
// generated from them (lib/api/openapi.ts), so the two cannot drift apart.
import type { z } from "zod";
import type { ApiScope } from "@/lib/api-keys/scopes";
import * as s from "./schemas";

export type Operation = {
  id: string;
  method: "GET" | "POST" | "DELETE";
  path: string;
  scope: ApiScope;
  summary: string;
  description?: string;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodObject;
  response: z.ZodType;
  status?: 200 | 201;
};

const op = <O extends Operation>(o: O) => o;

export const OPERATIONS = {
  listCustomers: op({
    id: "listCustomers",
    method: "GET",
    path: "/customers",
    scope: "customers:read",
    summary: "Search the register",
    description: "The register's search and keyset paging, newest first. Erased records are left out unless `status=ERASED`.",
    query: s.customerListQuery,
    response: s.page(s.customerDto),
  }),
  getCustomer: op({
    id: "getCustomer",
    method: "GET",
    path: "/customers/{id}",
    scope: "customers:read",
    summary: "One customer",
    params: s.idParams,
    response: s.customerDto,
  }),
  listConsents: op({
    id: "listConsents",
    method: "GET",
    path: "/customers/{id}/consents",
    scope: "consents:read",
    summary: "A customer's consent per purpose, with its history",
    params: s.idParams,
    response: s.list(s.consentStateDto),
  }),
  recordConsent: op({
    id: "recordConsent",
    method: "POST",
    path: "/customers/{id}/consents",
    scope: "consents:write",
    summary: "Record consent given or withdrawn elsewhere",
    description:
      "Recorded exactly like consent staff record from paper or a phone call, with source `API`: the key, the method and the document reference are the evidence.",
    params: s.idParams,
    body: s.recordConsentBody,
    response: s.consentRecordedDto,
    status: 201,
  }),
  listSubmissions: op({
    id: "listSubmissions",
    method: "GET",
    path: "/submissions",
    scope: "submissions:read",
    summary: "Form submissions, oldest first from `since`",
    query: s.submissionListQuery,
    response: s.page(s.submissionDto),
  }),
  listPurposes: op({
    id: "listPurposes",
    method: "GET",
    path: "/purposes",
    scope: "consents:read",
    summary: "The purposes of processing",
    response: s.list(s.purposeDto),
  }),
  listDisclosures: op({
    id: "listDisclosures",
    method: "GET",
    path: "/disclosures",
    scope: "disclosures:read",
    summary: "Approved disclosures to partners and authorities (confidential authority requests left out)",
    query: s.disclosureListQuery,
    response: s.page(s.disclosureDto),
  }),
  listWebhooks: op({
    id: "listWebhooks",
    method: "GET",
    path: "/webhooks",
    scope: "webhooks:manage",
    summary: "Webhook endpoints",
    response: s.list(s.webhookEndpointDto),
  }),
  createWebhook: op({
    id: "createWebhook",
    method: "POST",
    path: "/webhooks",
    scope: "webhooks:manage",
    summary: "Add a webhook endpoint (the signing secret is in the answer, once)",
    body: s.webhookEndpointBody,
    response: s.webhookCreatedDto,
    status: 201,
  }),
  deleteWebhook: op({
    id: "deleteWebhook",
    method: "DELETE",
    path: "/webhooks/{id}",
    scope: "webhooks:manage",
    summary: "Remove a webhook endpoint",
    params: s.idOnlyParams,
    response: s.idOnlyParams,
  }),
} as const;
