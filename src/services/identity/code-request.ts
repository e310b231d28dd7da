// What asking for a code answers, whoever the address belongs to: where the code goes and for how long it is
// valid — the same for a known address and an unknown one, so the answer tells nobody who has an account.
import type { Tx } from "../../db/database.ts";
import type { Locale } from "../../i18n/locale.ts";
import type { Deps } from "../deps.ts";
import { AppError } from "../errors.ts";
import { queueMessage } from "../outbox/queue-message.ts";
import { type CodeTemplate, codeMessage } from "./code-messages.ts";
import { type LoginAddress, outboxChannelOf, parseLogin } from "./identity-address.ts";
import { CODE_TTL_SECONDS } from "./one-time-code.ts";

export interface CodeRequested {
  /** Where to look for the code. */
  delivery: "email" | "sms";
  expiresInSeconds: number;
}

export function codeRequested(address: LoginAddress): CodeRequested {
  return { delivery: address.kind === "email" ? "email" : "sms", expiresInSeconds: CODE_TTL_SECONDS };
}

/** The login as an address, or login_invalid. */
export function requireLogin(login: string): LoginAddress {
  const address = parseLogin(login);
  if (!address) throw new AppError("login_invalid", {}, { field: "login" });
  return address;
}

/** Queues a code (or a warning without one) to the address, in the language given. */
export async function queueCodeMessage(
  deps: Deps,
  trx: Tx,
  address: LoginAddress,
  template: CodeTemplate,
  locale: Locale,
  code?: string,
): Promise<void> {
  const text = codeMessage(template, locale, {
    minutes: CODE_TTL_SECONDS / 60,
    login: address.externalId,
    ...(code ? { code } : {}),
  });
  await queueMessage(
    trx,
    { channel: outboxChannelOf(address.kind), address: address.externalId, locale, template, ...text },
    deps.now(),
  );
}
