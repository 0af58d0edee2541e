"use server";
import { revalidatePath } from "next/cache";
import { parsedByLib, staffAction } from "@/lib/actions/action";
import { addHoliday, removeHoliday } from "@/lib/holidays/mutations";
import { holidayDateSchema, holidaySchema } from "@/lib/holidays/schemas";
import { updateSettings } from "@/lib/settings/mutations";
import { settingsSchema } from "@/lib/settings/schemas";

export const updateSettingsAction = staffAction("updateSettingsAction", parsedByLib(settingsSchema), async (actor, input) => {
  await updateSettings(actor, input);
  revalidatePath("/admin/settings");
});

export const addHolidayAction = staffAction("addHolidayAction", parsedByLib(holidaySchema), async (actor, input) => {
  await addHoliday(actor, input);
  revalidatePath("/admin/settings/holidays");
});

export const removeHolidayAction = staffAction("removeHolidayAction", parsedByLib(holidayDateSchema), async (actor, input) => {
  await removeHoliday(actor, input);
  revalidatePath("/admin/settings/holidays");
});
