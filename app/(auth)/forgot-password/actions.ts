"use server";
import { headers } from "next/headers";
import { publicAction } from "@/lib/actions/action";
import { clientIp } from "@/lib/http/client-ip";
import { getLocale } from "@/lib/i18n/server";
import { wake } from "@/lib/jobs/mutations";
import { requestPasswordReset } from "@/lib/passwords/mutations";
import { forgotPasswordSchema } from "@/lib/passwords/schemas";

/** The same answer for every address: a job decides, later, whether an email goes out. */
export const forgotPasswordAction = publicAction("forgotPasswordAction", forgotPasswordSchema, async (input) => {
  await requestPasswordReset(input, { ip: clientIp(await headers()), locale: await getLocale() });
  await wake("password-reset");
  return { email: input.email };
});
