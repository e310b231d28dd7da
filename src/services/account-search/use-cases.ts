// Finding an account, for the contact centre and the administrators: one field, any way the caller reads it out.
import { Type } from "typebox";
import { Translated } from "../schemas.ts";
import { defineUseCase } from "../use-case.ts";
import { searchAccounts } from "./search-accounts.ts";

/** The most hits one search returns: an operator reads them, and a longer list means the query says too little. */
export const SEARCH_LIMIT = 20;
/** The longest search text: an address in full is well under it. */
export const SEARCH_QUERY_MAX = 100;

const MatchedBy = Type.Union(
  [Type.Literal("number"), Type.Literal("phone"), Type.Literal("name"), Type.Literal("address")],
  { description: "Which reading of the query found it" },
);

export const accountSearchUseCases = {
  searchAccounts: defineUseCase({
    name: "searchAccounts",
    tag: "accounts",
    summary: "Staff: find accounts by number, phone, holder's name or address, best match first",
    description:
      "One text read every way it could be meant: an account number (any separators, Cyrillic look-alike letters, " +
      "leading zeros or none), a Ukrainian phone number of a linked resident, the holder's name (a slip allowed), " +
      "or an address (settlement, street, building, apartment). The number exactly comes first, then the number " +
      "without its zeros, the phone, then the most similar names and streets. Staff search their own provider; a " +
      "platform administrator every provider, or the one named in `provider`. At most 20 hits.",
    input: Type.Object(
      {
        query: Type.String({
          minLength: 1,
          maxLength: SEARCH_QUERY_MAX,
          description: '"ВК-0291000", "067 111 22 33", "Шевченко Марія", "Краматорськ, Шкільна 82, кв. 23"',
        }),
        provider: Type.Optional(
          Type.String({
            minLength: 1,
            maxLength: 40,
            description: "Only this provider's accounts (code or id)",
          }),
        ),
        limit: Type.Optional(Type.Integer({ minimum: 1, maximum: SEARCH_LIMIT, default: SEARCH_LIMIT })),
      },
      { additionalProperties: false },
    ),
    output: Type.Array(
      Type.Object(
        {
          id: Type.Integer(),
          number: Type.String(),
          holderName: Type.String(),
          closedOn: Type.Union([Type.String({ format: "date" }), Type.Null()]),
          provider: Type.Object({ id: Type.Integer(), code: Type.String(), name: Translated }),
          address: Type.Object({
            settlement: Translated,
            street: Type.String(),
            building: Type.String(),
            apartment: Type.Union([Type.String(), Type.Null()]),
          }),
          services: Type.Array(Type.String()),
          matchedBy: MatchedBy,
        },
        { additionalProperties: false },
      ),
    ),
    access: "staff",
    // Aimed at the target's provider by name: staff of another provider are told "not found". Without `provider`
    // they search their own provider only (test/console/search.test.ts shows they never find the target).
    probe: (t) => ({ query: t.accountNumber, provider: t.providerCode }),
    run: (deps, context, input) =>
      searchAccounts(deps, {
        actor: context.actor,
        query: input.query,
        provider: input.provider,
        limit: input.limit ?? SEARCH_LIMIT,
      }),
  }),
};
