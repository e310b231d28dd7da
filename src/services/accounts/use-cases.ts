// Use cases of a person's accounts: listing them, linking one by the proof of its bill, removing a link, an
// operator linking one for a caller, and staff finding an account by its number.
import { Type } from "typebox";
import type { Actor } from "../actor.ts";
import { Id, Ref } from "../schemas.ts";
import { defineUseCase } from "../use-case.ts";
import { findAccountByNumberForActor } from "./find-account-by-number-for-actor.ts";
import { linkAccount } from "./link-account.ts";
import { linkAccountForUser } from "./link-account-for-user.ts";
import { type AccountSummary, listMyAccounts } from "./list-my-accounts.ts";
import { listProviderChoices } from "./list-provider-choices.ts";
import { unlinkAccount } from "./unlink-account.ts";

const ProviderCode = Type.String({
  minLength: 1,
  maxLength: 40,
  description: 'The provider\'s code, e.g. "deu"',
});
const TypedNumber = Type.String({
  minLength: 1,
  maxLength: 60,
  description: 'The account number as printed or typed: "10-000123/4", "10 000123 4"',
});
const ProviderRefOut = Type.Object(
  { id: Type.Integer(), code: Type.String() },
  { additionalProperties: false },
);

/** The registry admits only residents to these; the type says so to the service. */
function resident(actor: Actor): Extract<Actor, { kind: "resident" }> {
  if (actor.kind !== "resident") throw new Error("a resident-only use case was run for staff");
  return actor;
}

export const accountUseCases = {
  listMyAccounts: defineUseCase({
    name: "listMyAccounts",
    tag: "accounts",
    summary: "The accounts linked to me, at every provider",
    input: Type.Object({}, { additionalProperties: false }),
    output: Type.Array(Ref<AccountSummary>("AccountSummary")),
    access: "signed_in",
    probe: null,
    run: (deps, context) => listMyAccounts(deps, { actor: context.actor }),
  }),

  listProviderChoices: defineUseCase({
    name: "listProviderChoices",
    tag: "accounts",
    summary: "The providers I can link an account at, with their names and services",
    input: Type.Object({}, { additionalProperties: false }),
    output: Type.Array(
      Type.Object(
        {
          id: Type.Integer(),
          code: Type.String(),
          name: Type.Object(
            { uk: Type.String(), ru: Type.String(), en: Type.String() },
            { additionalProperties: false },
          ),
          services: Type.Array(Type.String()),
        },
        { additionalProperties: false },
      ),
    ),
    access: "resident",
    // What every bill prints: nobody's own data, so nothing to isolate.
    probe: null,
    run: (deps) => listProviderChoices(deps),
  }),

  linkAccount: defineUseCase({
    name: "linkAccount",
    tag: "accounts",
    summary: "Link a personal account to me, proved by the amount due on its last bill",
    description:
      "The provider, the account number as printed (any spacing and separators) and the amount due of the " +
      'account\'s last bill ("1 234,56" or "1234.56"). A wrong amount, an unknown number and an unknown provider ' +
      "are all 422 link_proof_mismatch. 5 failures per hour per person, 10 per account number per day: then 429 " +
      "too_many_attempts with details.retryAfterSeconds. 201 when linked, 200 when it was linked already.",
    input: Type.Object(
      {
        provider: ProviderCode,
        number: TypedNumber,
        amountDue: Type.String({ minLength: 1, maxLength: 40, description: 'As printed: "1 234,56"' }),
      },
      { additionalProperties: false },
    ),
    output: Type.Object(
      {
        accountId: Type.Integer(),
        number: Type.String(),
        provider: ProviderRefOut,
        alreadyLinked: Type.Boolean(),
      },
      { additionalProperties: false },
    ),
    access: "resident",
    // Linking is how one reaches an account: it is guarded by the bill's proof, not by scope (tested on its own).
    probe: null,
    run: (deps, context, input) =>
      linkAccount(deps, { actor: resident(context.actor), channel: context.channel, ...input }),
  }),

  unlinkAccount: defineUseCase({
    name: "unlinkAccount",
    tag: "accounts",
    summary: "Remove my link to an account (the household's other links stay)",
    input: Type.Object({ accountId: Id }, { additionalProperties: false }),
    output: Type.Object(
      { accountId: Type.Integer(), unlinked: Type.Literal(true) },
      { additionalProperties: false },
    ),
    access: "resident",
    // Removes only the caller's own link.
    probe: null,
    run: (deps, context, input) =>
      unlinkAccount(deps, {
        actor: resident(context.actor),
        channel: context.channel,
        accountId: input.accountId,
      }),
  }),

  linkAccountForUser: defineUseCase({
    name: "linkAccountForUser",
    tag: "accounts",
    summary: "Operator: link an account of my provider to a caller I have identified",
    input: Type.Object({ accountId: Id, userId: Id }, { additionalProperties: false }),
    output: Type.Object(
      { accountId: Type.Integer(), userId: Type.Integer(), alreadyLinked: Type.Boolean() },
      { additionalProperties: false },
    ),
    access: "staff",
    probe: (t) => ({ accountId: t.accountId, userId: t.userId }),
    run: (deps, context, input) =>
      linkAccountForUser(deps, { actor: context.actor, channel: context.channel, ...input }),
  }),

  findAccount: defineUseCase({
    name: "findAccount",
    tag: "accounts",
    summary: "Staff: find an account of my provider by its number, typed any way",
    input: Type.Object({ provider: ProviderCode, number: TypedNumber }, { additionalProperties: false }),
    output: Type.Object(
      { id: Type.Integer(), number: Type.String(), holderName: Type.String(), provider: ProviderRefOut },
      { additionalProperties: false },
    ),
    access: "staff",
    probe: (t) => ({ provider: t.providerCode, number: t.accountNumber }),
    run: (deps, context, input) => findAccountByNumberForActor(deps, { actor: context.actor, ...input }),
  }),
};
