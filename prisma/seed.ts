// Seeds demo data into an empty embedded database. Production databases get no demo users:
// create the first administrator with `npm run user:create`.
import { systemActor } from "@/lib/auth/actor";
import { createForm } from "@/lib/forms/mutations";
import { publishInitialPolicy } from "@/lib/policies/mutations";
import { DEMO_USERS } from "@/lib/users/demo";
import { createUserWithPassword } from "@/lib/users/mutations";
import { hasAnyUser } from "@/lib/users/queries";
import { DEMO_FORMS } from "./demo/forms";
import { POLICY_V1_EN, POLICY_V1_VI } from "./demo/policy-v1";

export async function seedDemo(): Promise<boolean> {
  if (await hasAnyUser()) return false;
  const actor = systemActor("seed");
  for (const user of DEMO_USERS) await createUserWithPassword(actor, user);
  await publishInitialPolicy(actor, {
    bodyVi: POLICY_V1_VI,
    bodyEn: POLICY_V1_EN,
    summaryVi: "Phiên bản đầu tiên.",
    summaryEn: "First version.",
    effectiveAt: new Date("2026-01-01T00:00:00+07:00"),
  });
  for (const form of DEMO_FORMS) await createForm(actor, form);
  return true;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const seeded = await seedDemo();
  console.log(seeded ? "Demo data seeded." : "Users already exist: nothing seeded.");
  process.exit(0);
}
