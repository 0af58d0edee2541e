// The OpenAPI 3.1 document of /api/v1, generated from the operations (lib/api/operations.ts) with
// zod 4's JSON Schema output, so the document says exactly what the handlers accept and return.
import { z } from "zod";
import { API_SCOPES } from "@/lib/api-keys/scopes";
import { OPERATIONS, type Operation } from "./operations";
import { problemDto } from "./schemas";

type JsonSchema = Record<string, unknown>;

function jsonSchema(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: "any" }) as JsonSchema;
  return rest;
}

function parameters(schema: z.ZodObject | undefined, where: "path" | "query") {
  if (!schema) return [];
  const object = jsonSchema(schema, "input") as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(object.properties ?? {}).map(([name, property]) => {
    const { description, ...rest } = property as JsonSchema & { description?: string };
    return {
      name,
      in: where,
      required: where === "path" || (object.required ?? []).includes(name),
      ...(description ? { description } : {}),
      schema: rest,
    };
  });
}

const problem = (description: string) => ({ description, content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } } });

function operationObject(op: Operation) {
  return {
    operationId: op.id,
    summary: op.summary,
    ...(op.description ? { description: op.description } : {}),
    tags: [op.path.split("/")[1]],
    security: [{ bearer: [] }],
    "x-scope": op.scope,
    parameters: [...parameters(op.params, "path"), ...parameters(op.query, "query")],
    ...(op.body ? { requestBody: { required: true, content: { "application/json": { schema: jsonSchema(op.body, "input") } } } } : {}),
    responses: {
      [String(op.status ?? 200)]: { description: "OK", content: { "application/json": { schema: jsonSchema(op.response, "output") } } },
      "401": problem("Missing, unknown or revoked key"),
      "403": problem(`The key lacks the ${op.scope} scope`),
      ...(op.params ? { "404": problem("Not found") } : {}),
      "422": problem("Bad input, with an entry per field in `errors`"),
      "429": {
        ...problem("Too many requests for this key"),
        headers: { "Retry-After": { description: "Seconds to wait", schema: { type: "integer" } } },
      },
    },
  };
}

export function openApiDocument(serverUrl: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of Object.values(OPERATIONS) as Operation[]) {
    paths[op.path] ??= {};
    paths[op.path][op.method.toLowerCase()] = operationObject(op);
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Customer Register API",
      version: "1.0.0",
      description:
        "Read the register and record consent from other systems. Authenticate with `Authorization: Bearer <key>`; each key holds scopes (" +
        API_SCOPES.join(", ") +
        "). Every call is audited.",
    },
    servers: [{ url: `${serverUrl.replace(/\/$/, "")}/api/v1` }],
    components: {
      securitySchemes: { bearer: { type: "http", scheme: "bearer", description: "An API key created by an administrator (crk_…)." } },
      schemas: { Problem: jsonSchema(problemDto, "output") },
    },
    paths,
  };
}
