// A small billed demo region for the console's tests, with its named staff signed in through the cabinet's
// sign-in form: the DEU operator and administrator (and, for isolation, staff of another provider).
import type { FastifyInstance } from "fastify";
import type { Database } from "../../src/db/database.ts";
import { billHistory } from "../../src/demo/bill-history.ts";
import { DEMO_PASSWORD, DEMO_PEOPLE } from "../../src/demo/region.ts";
import { seedRegion } from "../../src/demo/seed-region.ts";
import { hashPassword } from "../../src/services/auth/password.ts";
import type { Deps } from "../../src/services/deps.ts";
import { CabinetClient } from "./cabinet-client.ts";

export const CONSOLE_AS_OF = "2026-11-25";

/** Seeds 150 accounts with two billed months (the demo people included). */
export async function seedConsoleRegion(database: Database, deps: Deps): Promise<void> {
  await seedRegion(database, { accounts: 150, seed: 11, asOf: CONSOLE_AS_OF });
  await billHistory(deps, { asOf: CONSOLE_AS_OF, seed: 11, months: 2 });
}

/** Adds a staff member of another provider (by code) with the demo password; returns their e-mail. */
export async function addStaff(
  database: Database,
  o: { providerCode: string; role: "operator" | "administrator"; email: string },
): Promise<string> {
  const { db } = database;
  const provider = await db
    .selectFrom("providers")
    .select("id")
    .where("code", "=", o.providerCode)
    .executeTakeFirstOrThrow();
  const user = await db
    .insertInto("users")
    .values({
      email: o.email,
      phone: null,
      full_name: o.email,
      password_hash: await hashPassword(DEMO_PASSWORD),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  // The users row's e-mail is a verified identity already (a trigger writes it, migration 0013).
  await db
    .insertInto("identities")
    .values({ user_id: user.id, kind: "email", external_id: o.email, verified_at: new Date() })
    .onConflict((oc) => oc.doNothing())
    .execute();
  await db
    .insertInto("staff_roles")
    .values({ user_id: user.id, provider_id: provider.id, role: o.role })
    .execute();
  return o.email;
}

/** A browser-like client signed in as one of the demo staff (or any e-mail with the demo password). */
export async function signedInStaff(
  app: FastifyInstance,
  who: "operator" | "administrator" | "platformAdmin" | { email: string },
): Promise<CabinetClient> {
  const client = new CabinetClient(app);
  const email = typeof who === "string" ? DEMO_PEOPLE[who].email : who.email;
  const page = await client.signIn(email, DEMO_PASSWORD);
  if (page.status !== 200) throw new Error(`signing in ${email} gave ${page.status}`);
  return client;
}
