// The bots' use cases for people: a resident's code that links a chat from the cabinet, and the contact centre's
// inbox of conversations handed over from every platform (read, answer into the chat, close).
import { Type } from "typebox";
import { Id } from "../schemas.ts";
import { defineUseCase } from "../use-case.ts";
import { createChatLinkCode } from "./chat-link-code.ts";
import { answerConversation, closeConversation, listInbox, viewConversation } from "./operator-inbox.ts";
import { listProviderBots, saveProviderBot } from "./provider-bots.ts";

const strict = { additionalProperties: false } as const;
const Platform = Type.Union([Type.Literal("telegram"), Type.Literal("viber"), Type.Literal("messenger")]);
const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);
const ProviderKey = Type.Union([Type.String({ minLength: 1, maxLength: 40 }), Type.Integer({ minimum: 1 })], {
  description: "The provider's id or code (staff: their own)",
});

const ProviderBot = Type.Object(
  {
    platform: Platform,
    key: Type.String(),
    provider: Type.String(),
    webhookPath: Type.String(),
    hasSecret: Type.Boolean(),
    createdAt: Type.String({ format: "date-time" }),
  },
  strict,
);

export const conversationUseCases = {
  saveProviderBot: defineUseCase({
    name: "saveProviderBot",
    tag: "bots",
    summary: "Register or change a provider's own messenger bot",
    description:
      "The bot answers at /webhooks/<platform>/<key> and hands its conversations to the provider's contact " +
      "centre. Telegram needs its webhook secret (secret), Messenger its app secret and verify token; Viber " +
      "signs with the token itself. 409 bot_key_taken when another provider's bot has the key.",
    input: Type.Object(
      {
        provider: ProviderKey,
        platform: Platform,
        key: Type.String({ pattern: "^[a-z0-9][a-z0-9-]{0,39}$" }),
        token: Type.String({ minLength: 1, maxLength: 500 }),
        secret: Type.Optional(Type.String({ minLength: 1, maxLength: 256, pattern: "^[A-Za-z0-9_-]+$" })),
        verifyToken: Type.Optional(Type.String({ minLength: 1, maxLength: 256 })),
      },
      strict,
    ),
    output: Type.Object({ bot: ProviderBot, created: Type.Boolean() }, strict),
    access: "administrator",
    audited: true,
    probe: (t) => ({
      provider: t.providerCode,
      platform: "viber" as const,
      key: "probe-bot",
      token: "probe-token",
    }),
    run: (deps, context, input) => saveProviderBot(deps, { actor: context.actor, ...input }),
  }),

  listProviderBots: defineUseCase({
    name: "listProviderBots",
    tag: "bots",
    summary: "A provider's own messenger bots (without their tokens)",
    input: Type.Object({ provider: ProviderKey }, strict),
    output: Type.Array(ProviderBot),
    access: "administrator",
    probe: (t) => ({ provider: t.providerCode }),
    run: (deps, context, input) => listProviderBots(deps, { actor: context.actor, ...input }),
  }),

  createChatLinkCode: defineUseCase({
    name: "createChatLinkCode",
    tag: "bots",
    summary: "A code that links a messenger chat to me",
    description:
      "Eight digits, valid 15 minutes, used once; a new one replaces the old. Typed into the Telegram, Viber or " +
      "Messenger bot, it makes that chat mine: the bot then sees my accounts.",
    input: Type.Object({}, strict),
    output: Type.Object({ code: Type.String(), expiresAt: Type.String({ format: "date-time" }) }, strict),
    access: "resident",
    probe: null,
    run: (deps, context) => createChatLinkCode(deps, { actor: context.actor }),
  }),

  listInbox: defineUseCase({
    name: "listInbox",
    tag: "bots",
    summary: "Conversations handed over to the contact centre",
    description:
      "The provider's bot conversations a resident asked to take to an operator, from every platform, oldest " +
      "first, with the last message and how many of the person's messages wait for an answer.",
    input: Type.Object(
      { provider: ProviderKey, limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })) },
      strict,
    ),
    output: Type.Array(
      Type.Object(
        {
          id: Type.Integer(),
          platform: Platform,
          displayName: Nullable(Type.String()),
          handedOverAt: Type.String({ format: "date-time" }),
          lastMessage: Nullable(Type.String()),
          lastMessageAt: Nullable(Type.String()),
          waiting: Type.Integer(),
        },
        strict,
      ),
    ),
    access: "staff",
    probe: (t) => ({ provider: t.providerCode }),
    run: (deps, context, input) => listInbox(deps, { actor: context.actor, ...input }),
  }),

  getConversation: defineUseCase({
    name: "getConversation",
    tag: "bots",
    summary: "One handed-over conversation, with its messages",
    input: Type.Object({ conversationId: Id }, strict),
    output: Type.Object(
      {
        id: Type.Integer(),
        platform: Platform,
        displayName: Nullable(Type.String()),
        locale: Nullable(Type.String()),
        handedOverAt: Nullable(Type.String()),
        messages: Type.Array(
          Type.Object(
            {
              id: Type.Integer(),
              direction: Type.Union([Type.Literal("in"), Type.Literal("out")]),
              body: Type.String(),
              at: Type.String(),
              staffUserId: Type.Union([Type.Integer(), Type.Null()]),
            },
            strict,
          ),
        ),
      },
      strict,
    ),
    access: "staff",
    probe: (t) => ({ conversationId: t.conversationId }),
    run: (deps, context, input) => viewConversation(deps, { actor: context.actor, ...input }),
  }),

  answerConversation: defineUseCase({
    name: "answerConversation",
    tag: "bots",
    summary: "Answer a handed-over conversation in its chat",
    description:
      "Sent into the person's chat on its platform. 409 conversation_closed when the bot has it back.",
    input: Type.Object(
      { conversationId: Id, text: Type.String({ minLength: 1, maxLength: 4000, pattern: "\\S" }) },
      strict,
    ),
    output: Type.Object({ messageId: Type.Integer() }, strict),
    access: "staff",
    audited: true,
    probe: (t) => ({ conversationId: t.conversationId, text: "Добрий день" }),
    run: (deps, context, input) => answerConversation(deps, { actor: context.actor, ...input }),
  }),

  closeConversation: defineUseCase({
    name: "closeConversation",
    tag: "bots",
    summary: "End a handed-over conversation: the chat goes back to the bot",
    input: Type.Object({ conversationId: Id }, strict),
    output: Type.Object({ closed: Type.Boolean() }, strict),
    access: "staff",
    audited: true,
    probe: (t) => ({ conversationId: t.conversationId }),
    run: (deps, context, input) => closeConversation(deps, { actor: context.actor, ...input }),
  }),
};
