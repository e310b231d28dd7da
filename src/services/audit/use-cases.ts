// The audit log's use case: administrators read their provider's lines, the platform administrator every line.
import { Type } from "typebox";
import { Id } from "../schemas.ts";
import { defineUseCase } from "../use-case.ts";
import { listAuditLog } from "./list-audit-log.ts";

export const auditUseCases = {
  listAuditLog: defineUseCase({
    name: "listAuditLog",
    tag: "audit",
    summary: "The audit log, newest first, a page at a time (pass nextBefore as before for the next page)",
    description:
      "Staff read their own provider's lines; a platform administrator every line, or one provider's. Filters: " +
      "the staff member (staffUserId), the action (a use case's name) and the account.",
    input: Type.Object(
      {
        providerId: Type.Optional(Type.Integer({ minimum: 1, maximum: 2_147_483_647 })),
        staffUserId: Type.Optional(Id),
        action: Type.Optional(Type.String({ minLength: 1, maxLength: 60 })),
        accountId: Type.Optional(Id),
        before: Type.Optional(Id),
        limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
      },
      { additionalProperties: false },
    ),
    output: Type.Object({
      lines: Type.Array(
        Type.Object({
          id: Type.Integer(),
          at: Type.Unsafe<Date>({ type: "string", format: "date-time" }),
          actor: Type.Union([
            Type.Object({
              userId: Type.Integer(),
              fullName: Type.String(),
              email: Type.Union([Type.String(), Type.Null()]),
            }),
            Type.Null(),
          ]),
          providerCode: Type.Union([Type.String(), Type.Null()]),
          accountId: Type.Union([Type.Integer(), Type.Null()]),
          channel: Type.String(),
          action: Type.String(),
          details: Type.Record(Type.String(), Type.Unknown()),
        }),
      ),
      nextBefore: Type.Union([Type.Integer(), Type.Null()]),
    }),
    access: "administrator",
    probe: (t) => ({ providerId: t.providerId }),
    run: (deps, context, input) => listAuditLog(deps, context.actor, input),
  }),
};
