import { describe, expect, it, vi } from "vitest";
import type { z } from "zod";
import { AppError } from "@/lib/errors";
import { translator } from "@/lib/i18n/translate";
import { inviteUserSchema } from "@/lib/users/schemas";
import { toActionError } from "./action";

describe("action errors", () => {
  const t = translator("en");

  it("turn zod issues into translated field errors", () => {
    const parsed = inviteUserSchema.safeParse({ email: "nope", name: "", role: "KING" });
    expect(parsed.success).toBe(false);
    const error = toActionError(t, (parsed as { error: z.ZodError }).error);
    expect(error).toEqual({
      code: "BAD_INPUT",
      message: "Please check the highlighted fields.",
      fieldErrors: { email: "This email address is not valid.", name: "Please fill this in.", role: "Please choose a role." },
    });
  });

  it("show AppError messages in the user's language with their parameters", () => {
    const vi = translator("vi");
    expect(toActionError(vi, new AppError("RATE_LIMITED", "login.throttled", undefined, { minutes: 7 })).message).toBe(
      "Có quá nhiều lần đăng nhập sai. Vui lòng thử lại sau 7 phút.",
    );
  });

  it("never pass an unexpected error's message to the user", () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const error = toActionError(t, new Error("connection to 10.0.0.5 refused: password=secret"));
    expect(error).toEqual({ code: "INTERNAL", message: "Something went wrong. Please try again." });
    expect(log).toHaveBeenCalled();
    log.mockRestore();
  });
});
