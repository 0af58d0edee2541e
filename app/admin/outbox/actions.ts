"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { staffAction } from "@/lib/actions/action";
import { requeueEmail } from "@/lib/email/mutations";
import { nudgeJobs } from "@/lib/jobs/mutations";

export const requeueEmailAction = staffAction("requeueEmailAction", z.object({ id: z.uuid() }), async (actor, { id }) => {
  await requeueEmail(actor, id);
  nudgeJobs();
  revalidatePath("/admin/outbox");
});
