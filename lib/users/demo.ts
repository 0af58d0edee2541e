// Demo accounts created only in embedded (demo) mode; shown on the login page there.
import type { Role } from "@/lib/auth/roles";

export const DEMO_USERS: { email: string; name: string; role: Role; password: string }[] = [
  { email: "admin@demo.local", name: "Trần Quản Trị", role: "ADMIN", password: "demo-admin-2026" },
  { email: "staff@demo.local", name: "Nguyễn Nhân Viên", role: "STAFF", password: "demo-staff-2026" },
  { email: "compliance@demo.local", name: "Lê Tuân Thủ", role: "COMPLIANCE", password: "demo-compliance-2026" },
];
