"use server";
import { revalidatePath } from "next/cache";
import { staffAction } from "@/lib/actions/action";
import { updateSettings } from "@/lib/settings/mutations";
import { settingsSchema } from "@/lib/settings/schemas";

export const updateSettingsAction = staffAction(settingsSchema, async (actor, input) => {
  await updateSettings(actor, input);
  revalidatePath("/admin/settings");
});
