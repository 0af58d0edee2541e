// The OpenAPI document: valid OpenAPI 3.1 (checked by an independent validator against the official
// schema), one entry for every /api/v1 route handler, and its schemas describe real answers.
import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { GET as openapi } from "@/app/api/v1/openapi.json/route";
import * as customers from "@/app/api/v1/customers/route";
import { ROUTES } from "@/lib/auth/permissions";
import { callApi, makeApiKey } from "@/tests/support/api";
import { makeCustomer } from "@/tests/support/customers";
import { OPERATIONS } from "./operations";

async function document() {
  const response = openapi();
  expect(response.status).toBe(200);
  return response.json();
}

describe("GET /api/v1/openapi.json", () => {
  it("is a valid OpenAPI 3.1 document", async () => {
    const doc = await document();
    const result = await new Validator().validate(doc);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(doc.openapi).toBe("3.1.0");
  });

  it("describes every /api/v1 route handler, with its scope, and nothing else", async () => {
    const doc = await document();
    const documented = Object.entries(doc.paths as Record<string, Record<string, { "x-scope": string }>>).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => `${method.toUpperCase()} /api/v1${path.replace(/\{(\w+)\}/g, "[$1]")} ${op["x-scope"]}`),
    );
    const handlers = Object.entries(ROUTES)
      .filter(([, access]) => typeof access === "object" && "apiScope" in access)
      .map(([route, access]) => `${route} ${(access as { apiScope: string }).apiScope}`);
    expect(documented.sort()).toEqual(handlers.sort());
  });

  it("documents query limits and required body fields from the same zod schemas", async () => {
    const doc = await document();
    const limit = doc.paths["/customers"].get.parameters.find((p: { name: string }) => p.name === "limit");
    expect(limit.schema).toMatchObject({ minimum: 1, maximum: 100 });
    const body = doc.paths["/customers/{id}/consents"].post.requestBody.content["application/json"].schema;
    expect(body.required).toEqual(expect.arrayContaining(["purposeKey", "action", "givenOn", "method", "documentRef"]));
    expect(body.properties.method.enum).toEqual(["PAPER", "PHONE", "EMAIL", "IN_PERSON"]);
  });

  it("matches what the handler really answers", async () => {
    await makeCustomer();
    const { key } = await makeApiKey(["customers:read"]);
    const page = await callApi(customers.GET, "/customers?limit=3", { key });
    expect(page.status).toBe(200);
    expect(() => OPERATIONS.listCustomers.response.parse(page.json)).not.toThrow();
    expect(z.object({ data: z.array(z.unknown()).min(1) }).safeParse(page.json).success).toBe(true);
  });
});
