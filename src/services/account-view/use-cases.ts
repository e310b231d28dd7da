// The contact centre's account page: the account's card, the people linked to it, what came by which door, the
// operator's notes, and finding the caller to link. Staff only; each reaches the account through the one scope
// check, so another provider's account is "not found".
import { type TSchema, Type } from "typebox";
import { Id } from "../schemas.ts";
import { defineUseCase } from "../use-case.ts";
import { accountChannelHistory, type ChannelEvent } from "./account-channel-history.ts";
import { addAccountNote, listAccountNotes, NOTE_MAX_LENGTH } from "./account-notes.ts";
import { findCaller } from "./find-caller.ts";
import { listAccountPeople } from "./list-account-people.ts";
import { viewAccount } from "./view-account.ts";

const strict = { additionalProperties: false } as const;
const Limit = Type.Optional(Type.Integer({ minimum: 1, maximum: 500 }));
const Names = Type.Object({ uk: Type.String(), ru: Type.String(), en: Type.String() }, strict);
const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

const AccountDetailsSchema = Type.Object(
  {
    id: Type.Integer(),
    number: Type.String(),
    holderName: Type.String(),
    provider: Type.Object({ id: Type.Integer(), code: Type.String(), name: Names }, strict),
    address: Type.Object(
      {
        settlement: Names,
        street: Type.String(),
        building: Type.String(),
        apartment: Nullable(Type.String()),
        postalCode: Nullable(Type.String()),
      },
      strict,
    ),
    openedOn: Type.String(),
    closedOn: Nullable(Type.String()),
    services: Type.Array(Type.String()),
  },
  strict,
);

const PersonSchema = Type.Object(
  {
    userId: Type.Integer(),
    fullName: Type.String(),
    linkedAt: Type.String({ description: "An instant (ISO 8601)" }),
    identities: Type.Array(
      Type.Object(
        {
          kind: Type.Unsafe<"email" | "phone">({ type: "string", enum: ["email", "phone"] }),
          masked: Type.String({ description: 'Partly hidden: "ol***@ukr.net", "+380 67 *** ** 33"' }),
        },
        strict,
      ),
    ),
  },
  strict,
);

const ChannelEventSchema = Type.Object(
  {
    at: Type.String({
      description: "An instant (ISO 8601); a payment known only by its day: that day's start",
    }),
    kind: Type.Unsafe<ChannelEvent["kind"]>({
      type: "string",
      enum: ["reading", "payment", "account_event"],
    }),
    channel: Type.String(),
    reading: Type.Optional(
      Type.Object(
        {
          meterId: Type.Integer(),
          serial: Type.String(),
          service: Type.String(),
          zones: Type.Integer(),
          values: Type.Array(Type.Object({ zone: Type.Integer(), value: Type.String() }, strict)),
          status: Type.String(),
          receipt: Type.String(),
          reviewReason: Nullable(Type.String()),
        },
        strict,
      ),
    ),
    payment: Type.Optional(
      Type.Object({ amountKop: Type.Integer(), source: Type.String(), period: Type.String() }, strict),
    ),
    event: Type.Optional(
      Type.Object(
        {
          action: Type.String({ description: 'What was done: "account.link", a use case\'s name, …' }),
          actorName: Nullable(Type.String()),
          byStaff: Type.Boolean(),
        },
        strict,
      ),
    ),
  },
  strict,
);

const NoteSchema = Type.Object(
  {
    id: Type.Integer(),
    body: Type.String(),
    createdAt: Type.String(),
    author: Type.Object({ userId: Type.Integer(), fullName: Type.String() }, strict),
  },
  strict,
);

const CallerSchema = Type.Object(
  { userId: Type.Integer(), fullName: Type.String(), alreadyLinked: Type.Boolean() },
  strict,
);

export const accountViewUseCases = {
  accountDetails: defineUseCase({
    name: "accountDetails",
    tag: "accounts",
    summary:
      "Staff: an account of my provider: number, holder, address, provider, opened and closed, services",
    input: Type.Object({ accountId: Id }, strict),
    output: AccountDetailsSchema,
    access: "staff",
    probe: (t) => ({ accountId: t.accountId }),
    run: (deps, context, input) => viewAccount(deps, { actor: context.actor, accountId: input.accountId }),
  }),

  listAccountPeople: defineUseCase({
    name: "listAccountPeople",
    tag: "accounts",
    summary:
      "Staff: the people linked to an account of my provider, with their verified e-mails and phones, masked",
    input: Type.Object({ accountId: Id }, strict),
    output: Type.Array(PersonSchema),
    access: "staff",
    probe: (t) => ({ accountId: t.accountId }),
    run: (deps, context, input) =>
      listAccountPeople(deps, { actor: context.actor, accountId: input.accountId }),
  }),

  accountChannelHistory: defineUseCase({
    name: "accountChannelHistory",
    tag: "accounts",
    summary:
      "Staff: what came for an account by which door (readings, payments, links, staff actions), newest first",
    description:
      "channel: web, api, voice, viber, telegram, facebook, sms, contact_centre, import, cli, or bank (a payment in a " +
      "bank's registry). Card payments online count as web.",
    input: Type.Object({ accountId: Id, limit: Limit }, strict),
    output: Type.Array(ChannelEventSchema),
    access: "staff",
    probe: (t) => ({ accountId: t.accountId }),
    run: (deps, context, input) =>
      accountChannelHistory(deps, {
        actor: context.actor,
        accountId: input.accountId,
        ...(input.limit ? { limit: input.limit } : {}),
      }),
  }),

  listAccountNotes: defineUseCase({
    name: "listAccountNotes",
    tag: "accounts",
    summary: "Staff: the contact centre's notes on an account of my provider, newest first",
    input: Type.Object({ accountId: Id, limit: Limit }, strict),
    output: Type.Array(NoteSchema),
    access: "staff",
    probe: (t) => ({ accountId: t.accountId }),
    run: (deps, context, input) =>
      listAccountNotes(deps, {
        actor: context.actor,
        accountId: input.accountId,
        ...(input.limit ? { limit: input.limit } : {}),
      }),
  }),

  addAccountNote: defineUseCase({
    name: "addAccountNote",
    tag: "accounts",
    summary: "Staff: add a note to an account of my provider",
    description: `The text, 1 to ${NOTE_MAX_LENGTH} characters once trimmed: account_note_empty or account_note_too_long (422) otherwise.`,
    // A bound for the request; the note's own limit is the service's, with a message that says it.
    input: Type.Object({ accountId: Id, body: Type.String({ maxLength: 20000 }) }, strict),
    output: NoteSchema,
    access: "staff",
    audited: true,
    probe: (t) => ({ accountId: t.accountId, body: "Дзвонив абонент" }),
    run: (deps, context, input) =>
      addAccountNote(deps, { actor: context.actor, accountId: input.accountId, body: input.body }),
  }),

  findCaller: defineUseCase({
    name: "findCaller",
    tag: "accounts",
    summary: "Staff: the person with this verified phone or e-mail, to link an account of my provider to",
    description:
      "caller_login_invalid (422) when it is neither a Ukrainian phone number nor an e-mail; caller_not_found " +
      "(422) when nobody has it: the caller signs up first.",
    input: Type.Object({ accountId: Id, login: Type.String({ maxLength: 320 }) }, strict),
    output: CallerSchema,
    access: "staff",
    probe: (t) => ({ accountId: t.accountId, login: "+380501234567" }),
    run: (deps, context, input) =>
      findCaller(deps, { actor: context.actor, accountId: input.accountId, login: input.login }),
  }),
};
