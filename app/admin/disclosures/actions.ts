"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { parsedByLib, staffAction, staffFormAction } from "@/lib/actions/action";
import { recordSharingObjection } from "@/lib/customers/mutations";
import { customerIdsByEmails } from "@/lib/customers/queries";
import { approveDisclosure, createRecipient, prepareDisclosure, rejectDisclosure } from "@/lib/disclosures/mutations";
import { getDisclosure } from "@/lib/disclosures/queries";
import { disclosureIdSchema, objectionSchema, recipientSchema, rejectSchema } from "@/lib/disclosures/schemas";
import { AppError } from "@/lib/errors";
import { wake } from "@/lib/jobs/mutations";
import { createMediaItem, markMediaTakenDown, publishMediaItem } from "@/lib/media/mutations";
import { mediaIdSchema, mediaSchema } from "@/lib/media/schemas";

export const createRecipientAction = staffAction("createRecipientAction", parsedByLib(recipientSchema), async (actor, input) => {
  const r = await createRecipient(actor, input);
  revalidatePath("/admin/disclosures/recipients");
  return r;
});

/** The form sends its fields as JSON plus, for authorities, the copy of the request. */
export const prepareDisclosureAction = staffFormAction(
  "prepareDisclosureAction",
  z.object({ payload: z.string().max(2_000_000), emails: z.string().max(500_000).optional(), requestFile: z.instanceof(File).optional() }),
  async (actor, { payload, emails, requestFile }) => {
    let input: { selection?: { kind?: string; ids?: string[] } } & Record<string, unknown>;
    try {
      input = JSON.parse(payload);
    } catch {
      throw new AppError("BAD_INPUT", "errors.badInput");
    }
    if (input.selection?.kind === "emails") {
      const { ids, unknown } = await customerIdsByEmails(actor, (emails ?? "").split(/[\s,;]+/));
      if (unknown.length)
        throw new AppError("BAD_INPUT", "disclosures.unknownEmails", { emails: "disclosures.unknownEmails" }, { emails: unknown.slice(0, 10).join(", ") });
      input.selection = { kind: "ids", ids };
    }
    const d = await prepareDisclosure(actor, input, requestFile);
    await wake("disclosure-items");
    return d;
  },
);

export const disclosureProgressAction = staffAction("disclosureProgressAction", disclosureIdSchema, async (actor, { id }) => {
  const d = await getDisclosure(actor, id);
  return d && { status: d.status, itemsTotal: d.itemsTotal, itemsIncluded: d.itemsIncluded };
});

export const approveDisclosureAction = staffAction("approveDisclosureAction", disclosureIdSchema, async (actor, { id }) => {
  await approveDisclosure(actor, id);
  revalidatePath(`/admin/disclosures/${id}`);
});

export const rejectDisclosureAction = staffAction("rejectDisclosureAction", parsedByLib(rejectSchema), async (actor, input) => {
  await rejectDisclosure(actor, input);
  revalidatePath(`/admin/disclosures/${input.id}`);
});

export const recordObjectionAction = staffAction("recordObjectionAction", parsedByLib(objectionSchema), async (actor, input) => {
  await recordSharingObjection(actor, input);
  revalidatePath(`/admin/customers/${input.customerId}`);
});

export const createMediaAction = staffAction("createMediaAction", parsedByLib(mediaSchema), async (actor, input) => {
  const item = await createMediaItem(actor, input);
  revalidatePath("/admin/disclosures/media");
  return item;
});
export const publishMediaAction = staffAction("publishMediaAction", mediaIdSchema, async (actor, { id }) => {
  await publishMediaItem(actor, id);
  revalidatePath("/admin/disclosures/media");
});
export const takedownMediaAction = staffAction("takedownMediaAction", mediaIdSchema, async (actor, { id }) => {
  await markMediaTakenDown(actor, id);
  revalidatePath("/admin/disclosures/media");
});
