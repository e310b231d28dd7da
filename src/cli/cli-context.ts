// Who the command line is when it calls a use case: it holds the database's own credentials, so it acts as the
// platform's operator (a platform administrator), through the "cli" door, in the language the command was given.
import type { Locale } from "../i18n/locale.ts";
import type { UseCaseContext } from "../services/context.ts";

export function cliContext(locale: Locale, progress?: (done: number, total: number) => void): UseCaseContext {
  return {
    actor: { kind: "platform_admin", userId: 0, locale },
    channel: "cli",
    locale,
    ...(progress ? { progress } : {}),
  };
}
