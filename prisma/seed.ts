// Seeds demo data into an empty embedded database. Production databases get no demo users:
// create the first administrator with `npm run user:create`.
import { systemActor } from "@/lib/auth/actor";
import { DEMO_USERS } from "@/lib/users/demo";
import { createUserWithPassword } from "@/lib/users/mutations";
import { hasAnyUser } from "@/lib/users/queries";

export async function seedDemo(): Promise<boolean> {
  if (await hasAnyUser()) return false;
  const actor = systemActor("seed");
  for (const user of DEMO_USERS) await createUserWithPassword(actor, user);
  return true;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const seeded = await seedDemo();
  console.log(seeded ? "Demo data seeded." : "Users already exist: nothing seeded.");
  process.exit(0);
}
