// Use cases of the operator's queue of bank registry lines that were not posted (unmatched or malformed): listed
// for the operator's provider, and settled by hand — posted to an account the operator names, or returned to the
// bank with a reason. Each posts at most once, however often or concurrently it is asked.
import { type TSchema, Type } from "typebox";
import { Id } from "../schemas.ts";
import { defineUseCase } from "../use-case.ts";
import { assignRegistryLine } from "./assign-registry-line.ts";
import { listUnmatchedRegistryLines } from "./list-unmatched-registry-lines.ts";
import { RETURN_NOTE_MAX, returnRegistryLine } from "./return-registry-line.ts";

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const Line = { registryId: Id, lineNo: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }) };
const WHOSE =
  "Staff reach the lines addressed to their own provider (another provider's line is 404 and nothing is " +
  "written), platform administrators any. 409 registry_line_settled when the line is no longer open.";

export const registryLineUseCases = {
  listUnmatchedRegistryLines: defineUseCase({
    name: "listUnmatchedRegistryLines",
    tag: "payments",
    summary: "Bank registry lines not posted and not yet settled (unmatched or malformed), oldest file first",
    description:
      "Lines addressed to the caller's provider (by the line's recipient, the upload or the source), each with " +
      "the file, the line's payer, account, amount and date as the bank wrote them, and why it was not posted " +
      "(in the caller's language). assignable: it reads as a payment and can be posted to an account; otherwise " +
      "it can only be returned. Page on with after = next.",
    input: Type.Object(
      {
        limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
        after: Type.Optional(
          Type.String({ pattern: "^[0-9]{1,15}:[0-9]{1,10}$", description: "registryId:lineNo" }),
        ),
      },
      { additionalProperties: false },
    ),
    output: Type.Object({
      lines: Type.Array(
        Type.Object({
          registryId: Type.Integer(),
          lineNo: Type.Integer(),
          fileName: Type.String(),
          source: Type.String(),
          importedAt: Type.String({ format: "date-time" }),
          providerCode: Nullable(Type.String()),
          outcome: Type.Union([Type.Literal("unmatched"), Type.Literal("malformed")]),
          reason: Type.String(),
          message: Type.String(),
          reference: Nullable(Type.String()),
          account: Nullable(Type.String()),
          payer: Nullable(Type.String()),
          amountKop: Nullable(Type.Integer()),
          paidOn: Nullable(Type.String({ format: "date" })),
          assignable: Type.Boolean(),
          raw: Type.String(),
        }),
      ),
      next: Nullable(Type.String()),
    }),
    access: "staff",
    // The caller's own provider's lines: nobody else's to aim at (the isolation test checks another provider's
    // line does not show).
    probe: null,
    run: (deps, context, input) =>
      listUnmatchedRegistryLines(deps, {
        actor: context.actor,
        locale: context.locale,
        limit: input.limit ?? 50,
        after: input.after,
      }),
  }),

  assignRegistryLine: defineUseCase({
    name: "assignRegistryLine",
    tag: "payments",
    summary: "Post an unmatched registry line's payment to an account (once)",
    description:
      "The payment is posted to the account's ledger as the import posts a matched line, and the line becomes " +
      "posted, in one transaction. 409 registry_line_reference_posted when this source's reference is posted " +
      `already, registry_line_not_payable for a line whose amount or date cannot be read; 422 ` +
      `registry_line_account_unknown for a number the line's provider has no account under. ${WHOSE}`,
    input: Type.Object(
      {
        ...Line,
        accountId: Type.Optional(Id),
        accountNumber: Type.Optional(
          Type.String({
            maxLength: 60,
            description: "Instead of accountId: the number at the line's provider, typed any way",
          }),
        ),
      },
      { additionalProperties: false, oneOf: [{ required: ["accountId"] }, { required: ["accountNumber"] }] },
    ),
    output: Type.Object({
      registryId: Type.Integer(),
      lineNo: Type.Integer(),
      outcome: Type.Literal("posted"),
      accountId: Type.Integer(),
      accountNumber: Type.String(),
      amountKop: Type.Integer(),
      paidOn: Type.String({ format: "date" }),
      settledAt: Type.String({ format: "date-time" }),
    }),
    access: "staff",
    audited: true,
    probe: (t) => ({ ...t.registryLine, accountId: t.accountId }),
    run: (deps, context, input) =>
      assignRegistryLine(deps, {
        actor: context.actor,
        registryId: input.registryId,
        lineNo: input.lineNo,
        accountId: input.accountId,
        accountNumber: input.accountNumber,
      }),
  }),

  returnRegistryLine: defineUseCase({
    name: "returnRegistryLine",
    tag: "payments",
    summary: "Mark an unmatched or malformed registry line as returned to the bank, with the reason",
    description: `Nothing is posted; the line leaves the queue and its registry counts it as returned. ${WHOSE}`,
    input: Type.Object(
      {
        ...Line,
        reason: Type.String({ maxLength: 2000, description: `Up to ${RETURN_NOTE_MAX} characters` }),
      },
      { additionalProperties: false },
    ),
    output: Type.Object({
      registryId: Type.Integer(),
      lineNo: Type.Integer(),
      outcome: Type.Literal("returned"),
      settledAt: Type.String({ format: "date-time" }),
    }),
    access: "staff",
    audited: true,
    probe: (t) => ({ ...t.registryLine, reason: "isolation" }),
    run: (deps, context, input) =>
      returnRegistryLine(deps, {
        actor: context.actor,
        registryId: input.registryId,
        lineNo: input.lineNo,
        reason: input.reason,
      }),
  }),
};
