"use server";
import { headers } from "next/headers";
import { parsedByLib, publicAction } from "@/lib/actions/action";
import { clientIp } from "@/lib/http/client-ip";
import { setPasswordWithToken } from "@/lib/users/mutations";
import { setPasswordSchema } from "@/lib/users/schemas";

export const setPasswordAction = publicAction("setPasswordAction", parsedByLib(setPasswordSchema), async (input) =>
  setPasswordWithToken(input, clientIp(await headers())),
);
