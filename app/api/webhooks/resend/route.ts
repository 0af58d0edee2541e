// Resend's delivery events (delivered, delayed, bounced, complained), signed by Svix. Anything not
// signed with RESEND_WEBHOOK_SECRET, or signed more than five minutes ago (a replay), gets 401 and
// changes nothing.
import { Webhook, WebhookVerificationError } from "svix";
import { recordDeliveryEvent, resendEventSchema } from "@/lib/campaigns/mutations/delivery-events";
import { env } from "@/lib/env";
import { readBodyCapped } from "@/lib/http/body";

export async function POST(request: Request) {
  const secret = env().RESEND_WEBHOOK_SECRET;
  if (!secret) return Response.json({ error: { code: "NOT_CONFIGURED" } }, { status: 503 });
  let body: string;
  try {
    body = await readBodyCapped(request, 256 * 1024);
  } catch {
    return new Response(null, { status: 413 });
  }
  const headers = {
    "svix-id": request.headers.get("svix-id") ?? "",
    "svix-timestamp": request.headers.get("svix-timestamp") ?? "",
    "svix-signature": request.headers.get("svix-signature") ?? "",
  };
  let payload: unknown;
  try {
    payload = new Webhook(secret).verify(body, headers);
  } catch (error) {
    if (error instanceof WebhookVerificationError) return Response.json({ error: { code: "BAD_SIGNATURE" } }, { status: 401 });
    throw error;
  }
  const event = resendEventSchema.safeParse(payload);
  if (!event.success) return Response.json({ error: { code: "BAD_INPUT", fields: event.error.flatten().fieldErrors } }, { status: 422 });
  const result = await recordDeliveryEvent(headers["svix-id"], event.data);
  return Response.json({ ok: true, duplicate: result.duplicate });
}
