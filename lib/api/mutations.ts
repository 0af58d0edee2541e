import "server-only";
import { recordAudit } from "@/lib/audit/mutations";
import type { ApiActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";

/** Every call a key makes, with its answer, in the audit chain (reading personal data included). */
export async function recordApiCall(actor: ApiActor, call: { operation: string; method: string; path: string; status: number; customerId?: string }) {
  await db().$transaction((tx) =>
    recordAudit(tx, actor, {
      action: "api.call",
      entityType: call.customerId ? "Customer" : "ApiKey",
      entityId: call.customerId ?? actor.keyId,
      details: { keyId: actor.keyId, operation: call.operation, method: call.method, path: call.path, status: call.status },
    }),
  );
}
