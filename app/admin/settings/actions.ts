"use server";
import { revalidatePath } from "next/cache";
import { parsedByLib, staffAction } from "@/lib/actions/action";
import { addHoliday, removeHoliday } from "@/lib/holidays/mutations";
import { holidayDateSchema, holidaySchema } from "@/lib/holidays/schemas";
import { createApiKey, revokeApiKey } from "@/lib/api-keys/mutations";
import { createApiKeySchema, revokeApiKeySchema } from "@/lib/api-keys/schemas";
import { updateSettings } from "@/lib/settings/mutations";
import { createWebhookEndpoint, deleteWebhookEndpoint, replayWebhookDelivery, setWebhookEndpointEnabled } from "@/lib/webhooks/mutations";
import { deliveryIdSchema, endpointIdSchema, setEndpointEnabledSchema, webhookEndpointSchema } from "@/lib/webhooks/schemas";
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

export const createApiKeyAction = staffAction("createApiKeyAction", parsedByLib(createApiKeySchema), async (actor, input) => {
  const created = await createApiKey(actor, input);
  revalidatePath("/admin/settings/api-keys");
  return created;
});

export const revokeApiKeyAction = staffAction("revokeApiKeyAction", parsedByLib(revokeApiKeySchema), async (actor, input) => {
  await revokeApiKey(actor, input);
  revalidatePath("/admin/settings/api-keys");
});

export const createWebhookAction = staffAction("createWebhookAction", parsedByLib(webhookEndpointSchema), async (actor, input) => {
  const created = await createWebhookEndpoint(actor, input);
  revalidatePath("/admin/settings/webhooks");
  return created;
});

export const setWebhookEnabledAction = staffAction("setWebhookEnabledAction", parsedByLib(setEndpointEnabledSchema), async (actor, input) => {
  await setWebhookEndpointEnabled(actor, input);
  revalidatePath("/admin/settings/webhooks");
});

export const deleteWebhookAction = staffAction("deleteWebhookAction", parsedByLib(endpointIdSchema), async (actor, input) => {
  await deleteWebhookEndpoint(actor, input);
  revalidatePath("/admin/settings/webhooks");
});

export const replayWebhookAction = staffAction("replayWebhookAction", parsedByLib(deliveryIdSchema), async (actor, input) =>
  replayWebhookDelivery(actor, input),
);
