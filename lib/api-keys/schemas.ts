import { z } from "zod";
import { API_SCOPES } from "./scopes";

export const createApiKeySchema = z.object({
  name: z.string().trim().min(2, "apiKeys.nameRequired").max(80, "validation.tooLong"),
  scopes: z.array(z.enum(API_SCOPES, { error: "apiKeys.unknownScope" })).min(1, "apiKeys.scopesRequired"),
  rateLimitPerMinute: z.coerce
    .number({ error: "validation.number" })
    .int("validation.number")
    .min(1, "apiKeys.rateLimitRange")
    .max(600, "apiKeys.rateLimitRange")
    .default(120),
});
export type CreateApiKeyInput = z.input<typeof createApiKeySchema>;

export const revokeApiKeySchema = z.object({ id: z.uuid("errors.notFound") });
export const apiKeyIdSchema = revokeApiKeySchema;
