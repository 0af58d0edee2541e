import { AppError } from "@/lib/errors";

export const MAX_BODY_BYTES = 64 * 1024;

/** Reads a request body, refusing more than `max` bytes whether or not Content-Length is honest. */
export async function readBodyCapped(request: Request, max = MAX_BODY_BYTES): Promise<string> {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > max) throw new AppError("BAD_INPUT", "publicForm.tooLarge", undefined, { status: 413 });
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      await reader.cancel();
      throw new AppError("BAD_INPUT", "publicForm.tooLarge", undefined, { status: 413 });
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}
