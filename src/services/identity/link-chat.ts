// Linking a bot chat (Telegram, Viber, a Messenger page-scoped id) to a person: the chat names a login, a code
// goes to that login's verified address, and the code typed back into the chat proves the chat is that person's.
// The code is kept under the chat (one live code per chat), so it links only the chat that asked. For the bots'
// channels (not an HTTP route): the same answer whether the login is known or not.
import type { IdentityKind } from "../../db/tables/identity.table.ts";
import type { Actor } from "../actor.ts";
import { actorFromRow } from "../auth/credentials.ts";
import type { Deps } from "../deps.ts";
import { AppError } from "../errors.ts";
import { outboxWritten } from "../outbox/outbox-signal.ts";
import { countCodeRequest } from "./code-limits.ts";
import { type CodeRequested, codeRequested, queueCodeMessage, requireLogin } from "./code-request.ts";
import { findPerson, findPersonById } from "./find-person.ts";
import { normalizeAddress } from "./identity-address.ts";
import { prepareCode, saveCode, useCode } from "./one-time-code.ts";

export type ChatKind = Extract<IdentityKind, "telegram" | "viber" | "messenger">;

function chatTarget(chat: { kind: ChatKind; id: string }) {
  const externalId = normalizeAddress(chat.kind, chat.id);
  if (!externalId) throw new AppError("validation_failed", { details: "chat" }, { field: "chat" });
  return { purpose: "link_chat" as const, kind: chat.kind, externalId };
}

export async function requestChatLink(
  deps: Deps,
  options: { chat: { kind: ChatKind; id: string }; login: string },
): Promise<CodeRequested> {
  const target = chatTarget(options.chat);
  const address = requireLogin(options.login);
  // Counted per login (its owner's inbox) and per chat (one chat cannot walk through many logins).
  await countCodeRequest(deps, address, `${target.kind}:${target.externalId}`);
  const person = await findPerson(deps.database.db, address);
  const { code, hash } = await prepareCode(deps, target);
  await deps.database.db.transaction().execute(async (trx) => {
    await saveCode(deps, trx, target, { hash, userId: person?.user_id ?? null, payload: null });
    if (person) await queueCodeMessage(deps, trx, address, "link_chat_code", person.locale, code);
  });
  if (person) outboxWritten(deps);
  return codeRequested(address);
}

/** The code typed into the chat: the chat becomes a verified identity of the person, who is returned. */
export async function confirmChatLink(
  deps: Deps,
  options: { chat: { kind: ChatKind; id: string }; code: string },
): Promise<Actor> {
  const target = chatTarget(options.chat);
  return useCode(deps, target, options.code, async (trx, row) => {
    const person = row.user_id === null ? undefined : await findPersonById(trx, row.user_id);
    if (!person) throw new AppError("code_invalid");
    const now = deps.now();
    // A chat linked to someone else before moves to the person who proved it now.
    await trx
      .insertInto("identities")
      .values({
        user_id: person.user_id,
        kind: target.kind,
        external_id: target.externalId,
        verified_at: now,
        created_at: now,
      })
      .onConflict((oc) =>
        oc.columns(["kind", "external_id"]).doUpdateSet({ user_id: person.user_id, verified_at: now }),
      )
      .execute();
    return actorFromRow(person);
  });
}
