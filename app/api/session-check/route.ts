// For scripts/server.mjs: whether the request's cookie is a live, unrestricted staff session, asked
// before a large upload is read. Says nothing about anyone else.
import { currentActor } from "@/lib/auth/session";

export async function GET() {
  const actor = await currentActor();
  return new Response(null, { status: actor && !actor.restricted ? 204 : 401, headers: { "cache-control": "no-store" } });
}
