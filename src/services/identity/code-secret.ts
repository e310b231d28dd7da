// One-time codes are kept as an HMAC under a server secret (a "pepper"): six digits hashed plainly would be
// reversed by trying all million, while without the secret a copy of the table gives nothing away. The secret is
// random bytes made by the first process that needs it and shared through the database by all the others.
import { createHmac, randomBytes, randomInt, timingSafeEqual } from "node:crypto";
import type { Database } from "../../db/database.ts";
import type { Deps } from "../deps.ts";

const SECRET_NAME = "code_pepper";
const peppers = new WeakMap<Database, Promise<Buffer>>();

async function loadPepper(database: Database): Promise<Buffer> {
  await database.db
    .insertInto("server_secrets")
    .values({ name: SECRET_NAME, value: randomBytes(32).toString("hex") })
    .onConflict((oc) => oc.column("name").doNothing())
    .execute();
  const row = await database.db
    .selectFrom("server_secrets")
    .select("value")
    .where("name", "=", SECRET_NAME)
    .executeTakeFirstOrThrow();
  return Buffer.from(row.value, "hex");
}

function pepperOf(deps: Deps): Promise<Buffer> {
  let pepper = peppers.get(deps.database);
  if (!pepper) {
    pepper = loadPepper(deps.database);
    // A failed read (the database was down) is tried again next time, not remembered.
    pepper.catch(() => peppers.delete(deps.database));
    peppers.set(deps.database, pepper);
  }
  return pepper;
}

/** Six digits, uniformly random (leading zeros kept). */
export function newCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, "0");
}

/** The code bound to what it is for and where it went: a code for one purpose or address fits no other. */
export async function hashCode(deps: Deps, scope: string, code: string): Promise<string> {
  return createHmac("sha256", await pepperOf(deps))
    .update(`${scope}\n${code}`)
    .digest("hex");
}

export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, "hex");
  const y = Buffer.from(b, "hex");
  return x.length === y.length && timingSafeEqual(x, y);
}
