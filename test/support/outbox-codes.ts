// The one-time codes a resident would read in their e-mail or SMS, read from the outbox.
import assert from "node:assert/strict";
import type { DbFixture } from "./databases.ts";

/** The newest code sent to an address (of the template, when named). */
export async function codeSentTo(fixture: DbFixture, address: string, template?: string): Promise<string> {
  let q = fixture.database.db
    .selectFrom("outbox")
    .select(["body", "template"])
    .where("address", "=", address)
    .orderBy("id", "desc");
  if (template) q = q.where("template", "=", template);
  const message = await q.executeTakeFirstOrThrow();
  const code = /\b(\d{6})\b/.exec(message.body)?.[1];
  assert.ok(code, `a code in "${message.body}"`);
  return code;
}
