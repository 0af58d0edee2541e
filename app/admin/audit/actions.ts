"use server";
import { z } from "zod";
import { staffAction } from "@/lib/actions/action";
import { verifyAuditChain } from "@/lib/audit/queries";

export const verifyAuditChainAction = staffAction("verifyAuditChainAction", z.object({}), async (actor) => verifyAuditChain(actor));
