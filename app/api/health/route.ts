import { databaseIsUp } from "@/lib/health/queries";

export const dynamic = "force-dynamic";

export async function GET() {
  const up = await databaseIsUp();
  return Response.json(
    { status: up ? "ok" : "unavailable", database: up ? "ok" : "unreachable" },
    { status: up ? 200 : 503, headers: { "cache-control": "no-store", ...(up ? {} : { "retry-after": "5" }) } },
  );
}
