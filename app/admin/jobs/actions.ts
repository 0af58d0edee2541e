"use server";
import { revalidatePath } from "next/cache";
import { parsedByLib, staffAction } from "@/lib/actions/action";
import { nudgeJobs, retryDeadJob, retryJobSchema } from "@/lib/jobs/mutations";

export const retryJobAction = staffAction("retryJobAction", parsedByLib(retryJobSchema), async (actor, input) => {
  await retryDeadJob(actor, input);
  nudgeJobs();
  revalidatePath("/admin/jobs");
});
