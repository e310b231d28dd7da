// The language I read Abonent in: answers, codes and messages follow it on every channel.
import type { Locale } from "../../i18n/locale.ts";
import type { Actor } from "../actor.ts";
import type { Deps } from "../deps.ts";

export async function setMyLanguage(
  deps: Deps,
  options: { actor: Actor; locale: Locale },
): Promise<{ locale: Locale }> {
  await deps.database.db
    .updateTable("users")
    .set({ locale: options.locale })
    .where("id", "=", options.actor.userId)
    .execute();
  return { locale: options.locale };
}
