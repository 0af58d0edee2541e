"use server";
import { headers } from "next/headers";
import { z } from "zod";
import { publicAction } from "@/lib/actions/action";
import { confirmSubmission } from "@/lib/confirmations/mutations";
import { clientIp, userAgent } from "@/lib/http/client-ip";

/** The owner of the email confirms a form's consent on a button press (mail scanners only open links). */
export const confirmSubmissionAction = publicAction("confirmSubmissionAction", z.object({ token: z.string().max(200) }), async ({ token }) => {
  const h = await headers();
  return confirmSubmission(token, { ip: clientIp(h), userAgent: userAgent(h) });
});
