"use server";
import { z } from "zod";
import { staffAction } from "@/lib/actions/action";
import { changeOwnPassword } from "@/lib/passwords/mutations";
import { changePasswordSchema } from "@/lib/passwords/schemas";
import { confirmEnrolment, disableOwnTwoFactor, startEnrolment } from "@/lib/two-factor/mutations";
import { disableTwoFactorSchema, enableTwoFactorSchema } from "@/lib/two-factor/schemas";

export const changePasswordAction = staffAction(changePasswordSchema, async (actor, input) => changeOwnPassword(actor, input));

// Setting up two-factor is the one thing a restricted session (two-factor required, not yet on) may do.
export const startTwoFactorAction = staffAction(z.object({}), async (actor) => startEnrolment(actor), { allowRestricted: true });
export const enableTwoFactorAction = staffAction(enableTwoFactorSchema, async (actor, input) => confirmEnrolment(actor, input), { allowRestricted: true });
export const disableTwoFactorAction = staffAction(disableTwoFactorSchema, async (actor, input) => disableOwnTwoFactor(actor, input));
