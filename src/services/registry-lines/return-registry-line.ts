// An operator settles a registry line by returning the payment to the bank (no account is the payer's, or the line
// cannot be read): the line becomes 'returned' with the reason given, who and when, and nothing is posted. The
// import's reason stays on the line. Sending the money back is the bank's and the accountant's work; this records
// the decision, so the line leaves the queue and its registry counts it as returned.
import type { Actor } from "../actor.ts";
import type { Deps } from "../deps.ts";
import { AppError } from "../errors.ts";
import { type LineKey, lockOpenLine, recount } from "./open-line.ts";

export const RETURN_NOTE_MAX = 500;

export interface ReturnedLine {
  registryId: number;
  lineNo: number;
  outcome: "returned";
  settledAt: string;
}

export async function returnRegistryLine(
  deps: Deps,
  options: { actor: Actor; reason: string } & LineKey,
): Promise<ReturnedLine> {
  const { actor } = options;
  const now = deps.now();
  const note = options.reason.replace(/\s+/g, " ").trim();
  return deps.database.db.transaction().execute(async (trx) => {
    // Whose it is first: another provider's line is "not found" whatever the reason says.
    const line = await lockOpenLine(trx, actor, { registryId: options.registryId, lineNo: options.lineNo });
    if (note === "") throw new AppError("registry_return_note_empty", {}, { field: "reason" });
    if (note.length > RETURN_NOTE_MAX)
      throw new AppError("registry_return_note_too_long", { max: RETURN_NOTE_MAX }, { field: "reason" });
    await trx
      .updateTable("registry_lines")
      .set({
        outcome: "returned",
        return_note: note,
        settled_at: now,
        settled_by: actor.userId,
        settled_from: line.outcome as "unmatched" | "malformed",
        settled_reason: line.reason,
      })
      .where("registry_id", "=", line.registryId)
      .where("line_no", "=", line.lineNo)
      .execute();
    await recount(trx, line, "returned");
    return {
      registryId: line.registryId,
      lineNo: line.lineNo,
      outcome: "returned",
      settledAt: now.toISOString(),
    };
  });
}
