"use server";
import { revalidatePath } from "next/cache";
import { parsedByLib, staffAction } from "@/lib/actions/action";
import {
  closeBreach,
  linkBreachCustomers,
  logBreach,
  notifyBreachCustomers,
  recordAuthorityNotice,
  saveCustomerNotice,
  updateBreach,
} from "@/lib/breaches/mutations";
import { authorityNoticeSchema, breachIdSchema, breachSchema, closeBreachSchema, customerNoticeSchema, linkCustomersSchema } from "@/lib/breaches/schemas";

const refresh = (id?: string) => {
  revalidatePath("/admin/breaches");
  if (id) revalidatePath(`/admin/breaches/${id}`);
};

export const logBreachAction = staffAction("logBreachAction", parsedByLib(breachSchema), async (actor, input) => {
  const breach = await logBreach(actor, input);
  refresh();
  return breach;
});

export const updateBreachAction = staffAction("updateBreachAction", parsedByLib(breachSchema.and(breachIdSchema)), async (actor, input) => {
  await updateBreach(actor, input);
  refresh(input.id);
  return { id: input.id };
});

export const recordAuthorityNoticeAction = staffAction("recordAuthorityNoticeAction", parsedByLib(authorityNoticeSchema), async (actor, input) => {
  await recordAuthorityNotice(actor, input);
  refresh(input.id);
});

export const linkBreachCustomersAction = staffAction("linkBreachCustomersAction", parsedByLib(linkCustomersSchema), async (actor, input) => {
  const result = await linkBreachCustomers(actor, input);
  refresh(input.id);
  return result;
});

export const saveCustomerNoticeAction = staffAction("saveCustomerNoticeAction", parsedByLib(customerNoticeSchema), async (actor, input) => {
  await saveCustomerNotice(actor, input);
  refresh(input.id);
});

export const notifyBreachCustomersAction = staffAction("notifyBreachCustomersAction", parsedByLib(breachIdSchema), async (actor, input) => {
  const result = await notifyBreachCustomers(actor, input);
  refresh(input.id);
  return result;
});

export const closeBreachAction = staffAction("closeBreachAction", parsedByLib(closeBreachSchema), async (actor, input) => {
  await closeBreach(actor, input);
  refresh(input.id);
});
