// The records export through the real route handler, as the people who may and may not have it.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { actAsStaff } from "@/tests/support/session";
import { GET } from "./route";

const get = (format: string) => GET(new Request(`http://localhost/admin/records/export?format=${format}`));

describe("GET /admin/records/export", () => {
  it("gives the compliance officer JSON with a top-level purposes array and a CSV in words; staff get 403", async () => {
    await actAsStaff("COMPLIANCE");
    const json = await get("json");
    expect(json.headers.get("content-type")).toContain("application/json");
    const body = (await json.json()) as { purposes: { key: string; legalBasis: string }[] };
    expect(body.purposes.find((p) => p.key === "advertising")).toMatchObject({ legalBasis: "CONSENT" });

    await actAsStaff("ADMIN");
    const csv = await (await get("csv")).text();
    // (Response.text() drops the byte-order mark that lets Excel read UTF-8.)
    expect(csv.split("\r\n")[0]).toBe(
      'Mục đích,Cơ sở pháp lý,Phiên bản nội dung,Loại dữ liệu,Nguồn thu thập,"Bên nhận (theo loại, với các trường được phép)",Bên xử lý,Thời gian lưu,Nơi lưu trữ',
    );
    expect(csv).toContain("Chiến dịch quảng cáo");
    expect(csv).not.toMatch(/ADVERTISING|CONSENT|fullName/);
    expect(await db().auditEvent.count({ where: { action: "records.exported", details: { path: ["format"], equals: "csv" } } })).toBeGreaterThanOrEqual(1);

    await actAsStaff("STAFF");
    expect((await get("json")).status).toBe(403);
  });
});
