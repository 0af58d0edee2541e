// Standard Webhooks (standardwebhooks.com): the maintained `standardwebhooks` package signs
// "id.timestamp.body" with HMAC-SHA256 under the endpoint's whsec_ secret.
import { randomBytes } from "node:crypto";
import { Webhook } from "standardwebhooks";

export function newSigningSecret() {
  return `whsec_${randomBytes(32).toString("base64")}`;
}

/** The three headers a receiver verifies. `id` stays the same on every retry of one message. */
export function signedHeaders(secret: string, id: string, body: string, at = new Date()) {
  return {
    "webhook-id": id,
    "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
    "webhook-signature": new Webhook(secret).sign(id, at, body),
  };
}
