// The records' server actions through their real wrapper.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { actAsStaff } from "@/tests/support/session";
import { generateRecordDocumentAction, saveProcessorAction } from "./actions";

const processor = {
  name: "Dịch vụ SMS thử",
  serviceVi: "Gửi tin nhắn",
  serviceEn: "Text messages",
  location: "Hà Nội",
  country: "VN",
  dataCategories: ["phone"] as "phone"[],
  contractRef: "Hợp đồng SMS 2026",
  since: "2026-05-01",
  active: true,
};

describe("records actions", () => {
  it("save a processor with field errors in Vietnamese, edit it, and generate the dossier; staff are refused", async () => {
    await actAsStaff("ADMIN");
    expect(await saveProcessorAction({ ...processor, country: "Việt Nam", since: "" })).toMatchObject({
      ok: false,
      error: { fieldErrors: { country: "Nhập mã quốc gia hai chữ cái, ví dụ VN.", since: expect.any(String) } },
    });
    const saved = await saveProcessorAction(processor);
    expect(saved).toMatchObject({ ok: true, data: { id: expect.any(String) } });
    const id = saved.ok ? saved.data.id : "";
    expect(await saveProcessorAction({ ...processor, id, contractRef: "Phụ lục 2" })).toMatchObject({ ok: true });
    expect((await db().processor.findUniqueOrThrow({ where: { id } })).contractRef).toBe("Phụ lục 2");
    await actAsStaff("COMPLIANCE");
    expect(await generateRecordDocumentAction({ kind: "IMPACT_ASSESSMENT" })).toMatchObject({ ok: true, data: { version: expect.any(Number) } });
    expect(await generateRecordDocumentAction({ kind: "TRANSFER_ASSESSMENT", processorId: id })).toMatchObject({
      ok: false,
      error: { message: "Bên xử lý này ở Việt Nam: không có chuyển dữ liệu ra nước ngoài." },
    });
    await actAsStaff("STAFF");
    expect(await saveProcessorAction(processor)).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await generateRecordDocumentAction({ kind: "IMPACT_ASSESSMENT" })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
  });
});
