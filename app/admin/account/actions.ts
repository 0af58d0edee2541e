"use server";
import { z } from "zod";
import { staffAction } from "@/lib/actions/action";
import { changeOwnPassword } from "@/lib/passwords/mutations";
import { changePasswordSchema } from "@/lib/passwords/schemas";
import { confirmEnrolment, disableOwnTwoFactor, startEnrolment } from "@/lib/two-factor/mutations";
import { disableTwoFactorSchema, enableTwoFactorSchema } from "@/lib/two-factor/schemas";

export const changePasswordAction = staffAction("changePasswordAction", changePasswordSchema, async (actor, input) => changeOwnPassword(actor, input));

// Setting up two-factor is the one thing a restricted session (two-factor required, not yet on) may do.
export const startTwoFactorAction = staffAction("startTwoFactorAction", z.object({}), async (actor) => startEnrolment(actor));
export const enableTwoFactorAction = staffAction("enableTwoFactorAction", enableTwoFactorSchema, async (actor, input) => confirmEnrolment(actor, input));
export const disableTwoFactorAction = staffAction("disableTwoFactorAction", disableTwoFactorSchema, async (actor, input) => disableOwnTwoFactor(actor, input));
