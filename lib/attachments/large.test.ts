import { createHash, randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { makeStaff } from "@/tests/support/factories";
import { pruneUnlinkedFiles, saveLargeAttachment } from "./mutations";
import { readLargeAttachment } from "./queries";
import { PART_BYTES } from "./sealing";

async function* pieces(data: Buffer, size = 64 * 1024) {
  for (let at = 0; at < data.length; at += size) yield data.subarray(at, at + size);
}
const readAll = async (id: string) => {
  const parts: Buffer[] = [];
  for await (const part of readLargeAttachment(id)) parts.push(part);
  return Buffer.concat(parts);
};
const meta = { filename: "goi.csv", mimeType: "text/csv" };

describe("large files, stored part by part", () => {
  it("read back exactly as written, sealed in parts that are not the plain bytes", async () => {
    const staff = await makeStaff("STAFF");
    const data = Buffer.concat([Buffer.from("Họ và tên,Địa chỉ\n"), randomBytes(Math.floor(PART_BYTES * 2.5))]);
    const file = await saveLargeAttachment(staff, meta, pieces(data), { maxBytes: 10 * PART_BYTES });
    expect(file).toMatchObject({ size: data.length, chunks: 3, sha256: createHash("sha256").update(data).digest("hex") });
    expect((await readAll(file.id)).equals(data)).toBe(true);
    const parts = await db().attachmentChunk.findMany({ where: { attachmentId: file.id }, orderBy: { seq: "asc" } });
    expect(parts).toHaveLength(3);
    expect(Buffer.from(parts[0].data).includes(Buffer.from("Họ và tên"))).toBe(false);
    expect(await db().attachment.findUniqueOrThrow({ where: { id: file.id } })).toMatchObject({ size: data.length, chunks: 3, sealed: true });
  });

  it("mark the last part, also when the file ends exactly at a part's end", async () => {
    const staff = await makeStaff("STAFF");
    for (const size of [PART_BYTES * 2, PART_BYTES, 1]) {
      const data = randomBytes(size);
      const file = await saveLargeAttachment(staff, meta, pieces(data), { maxBytes: 10 * PART_BYTES });
      expect(file.chunks, String(size)).toBe(Math.ceil(size / PART_BYTES));
      expect((await readAll(file.id)).equals(data)).toBe(true);
    }
  });

  it("refuse to hand out a file whose parts were swapped, altered or dropped", async () => {
    const staff = await makeStaff("STAFF");
    const data = randomBytes(PART_BYTES * 2 + 10);
    const swap = await saveLargeAttachment(staff, meta, pieces(data), { maxBytes: 10 * PART_BYTES });
    const [a, b] = await db().attachmentChunk.findMany({ where: { attachmentId: swap.id }, orderBy: { seq: "asc" } });
    await db().attachmentChunk.update({ where: { attachmentId_seq: { attachmentId: swap.id, seq: 0 } }, data: { data: b.data } });
    await db().attachmentChunk.update({ where: { attachmentId_seq: { attachmentId: swap.id, seq: 1 } }, data: { data: a.data } });
    await expect(readAll(swap.id)).rejects.toMatchObject({ userMessage: "attachments.damaged" });

    const altered = await saveLargeAttachment(staff, meta, pieces(data), { maxBytes: 10 * PART_BYTES });
    const part = await db().attachmentChunk.findUniqueOrThrow({ where: { attachmentId_seq: { attachmentId: altered.id, seq: 1 } } });
    const bytes = Buffer.from(part.data);
    bytes[bytes.length - 1] ^= 1;
    await db().attachmentChunk.update({ where: { attachmentId_seq: { attachmentId: altered.id, seq: 1 } }, data: { data: bytes } });
    await expect(readAll(altered.id)).rejects.toMatchObject({ userMessage: "attachments.damaged" });

    const dropped = await saveLargeAttachment(staff, meta, pieces(data), { maxBytes: 10 * PART_BYTES });
    await db().attachmentChunk.delete({ where: { attachmentId_seq: { attachmentId: dropped.id, seq: 2 } } });
    await expect(readAll(dropped.id)).rejects.toMatchObject({ userMessage: "attachments.damaged" });
    // A shortened file (its part count lowered) fails on the checksum.
    const shortened = await saveLargeAttachment(staff, meta, pieces(data), { maxBytes: 10 * PART_BYTES });
    await db().attachment.update({ where: { id: shortened.id }, data: { chunks: 2 } });
    await expect(readAll(shortened.id)).rejects.toMatchObject({ userMessage: "attachments.damaged" });
  });

  it("leave nothing behind when the source fails or is too large", async () => {
    const staff = await makeStaff("STAFF");
    const filename = `hong-${randomBytes(4).toString("hex")}.csv`;
    async function* failing() {
      yield randomBytes(PART_BYTES + 5);
      throw new Error("the database went away");
    }
    await expect(saveLargeAttachment(staff, { ...meta, filename }, failing(), { maxBytes: 10 * PART_BYTES })).rejects.toThrow("the database went away");
    await expect(saveLargeAttachment(staff, { ...meta, filename }, pieces(randomBytes(3 * PART_BYTES)), { maxBytes: 2 * PART_BYTES })).rejects.toMatchObject({
      userMessage: "attachments.tooLargeToKeep",
    });
    // No file by that name: its key and parts went with it (they cannot outlive it: foreign keys).
    expect(await db().attachment.count({ where: { filename } })).toBe(0);
  });

  it("are deleted after a day when nothing links them (a package written by a process that then died)", async () => {
    const staff = await makeStaff("STAFF");
    const stray = await saveLargeAttachment(staff, meta, pieces(randomBytes(100)), { maxBytes: PART_BYTES });
    const recent = await saveLargeAttachment(staff, meta, pieces(randomBytes(100)), { maxBytes: PART_BYTES });
    await db().attachment.update({ where: { id: stray.id }, data: { createdAt: new Date(Date.now() - 2 * 86_400_000) } });
    expect(await pruneUnlinkedFiles()).toBeGreaterThanOrEqual(1);
    expect(await db().attachment.count({ where: { id: stray.id } })).toBe(0);
    expect(await db().fileKey.count({ where: { attachmentId: stray.id } })).toBe(0);
    expect(await db().attachmentChunk.count({ where: { attachmentId: stray.id } })).toBe(0);
    expect(await db().attachment.count({ where: { id: recent.id } })).toBe(1);
  });

  it("are written only by staff who handle files", async () => {
    const admin = await makeStaff("ADMIN");
    await expect(saveLargeAttachment(admin, meta, pieces(Buffer.from("x")), { maxBytes: PART_BYTES })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
