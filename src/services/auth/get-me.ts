// The signed-in person as they see themselves: name, contacts, language, and the role they act in.
import type { Locale } from "../../i18n/locale.ts";
import type { Actor } from "../actor.ts";
import type { Deps } from "../deps.ts";
import { AppError } from "../errors.ts";

export interface Me {
  user: { id: number; fullName: string; email: string | null; phone: string | null; locale: Locale };
  actor: Actor;
}

export async function getMe(deps: Deps, options: { actor: Actor }): Promise<Me> {
  const user = await deps.database.db
    .selectFrom("users")
    .select(["id", "full_name", "email", "phone", "locale"])
    .where("id", "=", options.actor.userId)
    .executeTakeFirst();
  if (!user) throw new AppError("not_found");
  return {
    user: {
      id: user.id,
      fullName: user.full_name,
      email: user.email,
      phone: user.phone,
      locale: user.locale,
    },
    actor: options.actor,
  };
}
