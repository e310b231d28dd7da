// The contact centre's notes on an account: what a caller said, what was promised. Read and written by the
// provider's staff only (the use cases admit staff; the account's scope keeps them to their provider). A note is
// never edited: a correction is a later note, so the record of what was said stays.

import { findAccountForActor } from "../accounts/find-account.ts";
import type { Actor } from "../actor.ts";
import type { Deps } from "../deps.ts";
import { AppError } from "../errors.ts";

export const NOTE_MAX_LENGTH = 2000;

export interface AccountNoteView {
  id: number;
  body: string;
  createdAt: string;
  author: { userId: number; fullName: string };
}

export async function listAccountNotes(
  deps: Deps,
  options: { actor: Actor; accountId: number; limit?: number },
): Promise<AccountNoteView[]> {
  const { db } = deps.database;
  const account = await findAccountForActor(db, options.actor, options.accountId);
  const notes = await db
    .selectFrom("account_notes")
    .select(["id", "body", "created_at", "author_user_id"])
    .where("account_id", "=", account.id)
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .limit(options.limit ?? 100)
    .execute();
  // The authors live on the coordinator (users), the notes with the account: two reads, not a join.
  const authorIds = [...new Set(notes.map((n) => n.author_user_id))];
  const authors =
    authorIds.length === 0
      ? []
      : await db.selectFrom("users").select(["id", "full_name"]).where("id", "in", authorIds).execute();
  const names = new Map(authors.map((a) => [a.id, a.full_name]));
  return notes.map((n) => ({
    id: n.id,
    body: n.body,
    createdAt: n.created_at.toISOString(),
    author: { userId: n.author_user_id, fullName: names.get(n.author_user_id) ?? "" },
  }));
}

/** The note as kept: the ends trimmed, line breaks as "\n". Empty or too long is refused. */
export function noteText(body: string): string {
  const text = body.replace(/\r\n?/g, "\n").trim();
  if (text.length === 0) throw new AppError("account_note_empty", {}, { field: "body" });
  const length = [...text].length;
  if (length > NOTE_MAX_LENGTH)
    throw new AppError("account_note_too_long", { max: NOTE_MAX_LENGTH, length }, { field: "body" });
  return text;
}

export async function addAccountNote(
  deps: Deps,
  options: { actor: Actor; accountId: number; body: string },
): Promise<AccountNoteView> {
  const { db } = deps.database;
  const account = await findAccountForActor(db, options.actor, options.accountId);
  const body = noteText(options.body);
  const author = await db
    .selectFrom("users")
    .select(["id", "full_name"])
    .where("id", "=", options.actor.userId)
    .executeTakeFirstOrThrow();
  const note = await db
    .insertInto("account_notes")
    .values({
      account_id: account.id,
      provider_id: account.providerId,
      author_user_id: author.id,
      body,
      created_at: deps.now(),
    })
    .returning(["id", "created_at"])
    .executeTakeFirstOrThrow();
  return {
    id: note.id,
    body,
    createdAt: note.created_at.toISOString(),
    author: { userId: author.id, fullName: author.full_name },
  };
}
