"use server";
import { revalidatePath } from "next/cache";
import { parsedByLib, staffAction, staffFormAction } from "@/lib/actions/action";
import { recordStaffConsent } from "@/lib/consent/mutations";
import { staffConsentSchema } from "@/lib/consent/schemas";
import { createCustomer, revealContact, terminateCustomer, updateCustomer } from "@/lib/customers/mutations";
import { customerIdSchema, customerInputSchema, mergeSchema, terminateSchema, updateCustomerSchema } from "@/lib/customers/schemas";
import { decideProposal } from "@/lib/confirmations/mutations";
import { mergeCustomers } from "@/lib/duplicates/mutations";
import { proposalDecisionSchema } from "@/lib/forms/schemas";

export const createCustomerAction = staffAction("createCustomerAction", parsedByLib(customerInputSchema), async (actor, input) => createCustomer(actor, input));

export const updateCustomerAction = staffAction("updateCustomerAction", parsedByLib(updateCustomerSchema), async (actor, input) => {
  await updateCustomer(actor, input);
  revalidatePath(`/admin/customers/${input.customerId}`);
});

export const revealContactAction = staffAction("revealContactAction", customerIdSchema, async (actor, { customerId }) => revealContact(actor, customerId));

export const terminateCustomerAction = staffAction("terminateCustomerAction", parsedByLib(terminateSchema), async (actor, input) => {
  await terminateCustomer(actor, input);
  revalidatePath(`/admin/customers/${input.customerId}`);
});

export const recordConsentAction = staffFormAction("recordConsentAction", parsedByLib(staffConsentSchema), async (actor, input) => {
  const event = await recordStaffConsent(actor, input);
  revalidatePath(`/admin/customers/${input.customerId}`);
  return event;
});

export const mergeCustomersAction = staffAction("mergeCustomersAction", parsedByLib(mergeSchema), async (actor, input) => {
  const result = await mergeCustomers(actor, input);
  revalidatePath("/admin/customers/duplicates");
  return result;
});

export const decideProposalAction = staffAction("decideProposalAction", proposalDecisionSchema, async (actor, input) => {
  const result = await decideProposal(actor, input);
  revalidatePath("/admin/customers/[id]", "page");
  return result;
});
