"use server";
import { revalidatePath } from "next/cache";
import { parsedByLib, staffAction } from "@/lib/actions/action";
import { forcePasswordReset } from "@/lib/passwords/mutations";
import { userIdSchema } from "@/lib/passwords/schemas";
import { resetTwoFactor } from "@/lib/two-factor/mutations";
import { changeUserRole, inviteUser, resendInvite, setUserDisabled } from "@/lib/users/mutations";
import { changeRoleSchema, inviteUserSchema, resendInviteSchema, setDisabledSchema } from "@/lib/users/schemas";

const refresh = <T>(value: T) => {
  revalidatePath("/admin/users");
  return value;
};

export const inviteUserAction = staffAction("inviteUserAction", parsedByLib(inviteUserSchema), async (actor, input) => refresh(await inviteUser(actor, input)));
export const changeRoleAction = staffAction("changeRoleAction", parsedByLib(changeRoleSchema), async (actor, input) =>
  refresh(await changeUserRole(actor, input)),
);
export const setDisabledAction = staffAction("setDisabledAction", parsedByLib(setDisabledSchema), async (actor, input) =>
  refresh(await setUserDisabled(actor, input)),
);
export const resendInviteAction = staffAction("resendInviteAction", parsedByLib(resendInviteSchema), async (actor, input) =>
  refresh(await resendInvite(actor, input)),
);
export const forcePasswordResetAction = staffAction("forcePasswordResetAction", userIdSchema, async (actor, { userId }) =>
  refresh(await forcePasswordReset(actor, userId)),
);
export const resetTwoFactorAction = staffAction("resetTwoFactorAction", userIdSchema, async (actor, { userId }) =>
  refresh(await resetTwoFactor(actor, userId)),
);
