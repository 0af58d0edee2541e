// The OpenAPI 3.1 document of /api/v1, generated from the operations' zod schemas. Public: it
// describes the interface, not any data.
import { openApiDocument } from "@/lib/api/openapi";
import { env } from "@/lib/env";

export function GET() {
  return Response.json(openApiDocument(env().APP_URL), { headers: { "cache-control": "public, max-age=300" } });
}
