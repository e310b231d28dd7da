// A provider's voice line as the one who acts: the bot takes readings for whoever calls, by account number, like
// an operator of that provider's contact centre — so it reaches that provider's accounts and no other's, through
// the same scoped use cases. It is a user of its own (users.robot = 'voice:<provider id>'), made on the first
// call, which can never sign in (no e-mail, phone or password), so readings it submits say who took them.
import type { Locale } from "../../i18n/locale.ts";
import type { Actor } from "../actor.ts";
import type { Deps } from "../deps.ts";
import { AppError } from "../errors.ts";

export async function voiceLineActor(deps: Deps, providerId: number, locale: Locale): Promise<Actor> {
  const robot = `voice:${providerId}`;
  const db = deps.database.db;
  const actor = (userId: number): Actor => ({ kind: "staff", role: "operator", providerId, userId, locale });
  const robotUser = () => db.selectFrom("users").select("id").where("robot", "=", robot).executeTakeFirst();
  // Every call after the line's first finds its user at once.
  const known = await robotUser();
  if (known) return actor(known.id);
  const provider = await db
    .selectFrom("providers")
    .select(["id", "name_uk"])
    .where("id", "=", providerId)
    .executeTakeFirst();
  if (!provider) throw new AppError("not_found");
  // Two first calls at once both insert; the unique robot key keeps one.
  await db
    .insertInto("users")
    .values({ full_name: `Голосовий бот: ${provider.name_uk}`.slice(0, 200), locale: "uk", robot })
    .onConflict((oc) => oc.column("robot").doNothing())
    .execute();
  const made = await robotUser();
  if (!made) throw new AppError("internal");
  return actor(made.id);
}
