// Use cases of the SMS gateways (docs/sms.md): the short number's SMPP link and the aggregators' webhook. They
// hold the installation's own credentials (the SMPP bind, the webhook secret), so, like the command line, they
// act as the platform's operator for these steps; what a text then does for its sender (a reading, what is owed)
// goes through the ordinary use cases as that person. No HTTP route serves these.
import { Type } from "typebox";
import { defineUseCase } from "../use-case.ts";
import { identifySmsSender, type SmsSender } from "./identify-sms-sender.ts";
import { claimInboundSms, type InboundClaim, releaseInboundSms } from "./inbound-sms-once.ts";
import { queueSmsReply } from "./queue-sms-reply.ts";

const Phone = Type.String({ minLength: 1, maxLength: 40, description: "The sender as the gateway gave it" });
const Source = Type.String({ pattern: "^[a-z][a-z0-9_-]{0,39}$", description: "The gateway, e.g. webhook" });
const MessageId = Type.String({ minLength: 1, maxLength: 200 });
const LocaleSchema = Type.Union([Type.Literal("uk"), Type.Literal("ru"), Type.Literal("en")]);
const strict = { additionalProperties: false } as const;

export const smsUseCases = {
  identifySmsSender: defineUseCase({
    name: "identifySmsSender",
    tag: "sms",
    summary: "The person a text to the short number came from (a verified phone identity), counted per phone",
    description:
      "20 texts per phone an hour, then 429 too_many_attempts (details.firstRefusal on the first one over).",
    input: Type.Object({ from: Phone }, strict),
    output: Type.Unsafe<SmsSender>(
      Type.Object({
        phone: Type.Union([Type.String(), Type.Null()]),
        person: Type.Union([Type.Object({ userId: Type.Integer(), locale: LocaleSchema }), Type.Null()]),
      }),
    ),
    access: "platform_admin",
    probe: () => ({ from: "+380671112233" }),
    run: (deps, _context, input) => identifySmsSender(deps, input),
  }),

  claimInboundSms: defineUseCase({
    name: "claimInboundSms",
    tag: "sms",
    summary: "Take a gateway's message for processing, once per source and message id",
    input: Type.Object({ source: Source, messageId: MessageId, from: Phone }, strict),
    output: Type.Unsafe<InboundClaim>(
      Type.Union([
        Type.Object({ first: Type.Literal(true) }),
        Type.Object({ first: Type.Literal(false), reply: Type.Union([Type.String(), Type.Null()]) }),
      ]),
    ),
    access: "platform_admin",
    probe: () => ({ source: "webhook", messageId: "probe", from: "+380671112233" }),
    run: (deps, _context, input) => claimInboundSms(deps, input),
  }),

  releaseInboundSms: defineUseCase({
    name: "releaseInboundSms",
    tag: "sms",
    summary: "Let go of a claimed message whose processing failed, so the gateway's retry is processed",
    input: Type.Object({ source: Source, messageId: MessageId }, strict),
    output: Type.Object({}),
    access: "platform_admin",
    probe: () => ({ source: "webhook", messageId: "probe" }),
    run: async (deps, _context, input) => {
      await releaseInboundSms(deps, input);
      return {};
    },
  }),

  queueSmsReply: defineUseCase({
    name: "queueSmsReply",
    tag: "sms",
    summary:
      "Send a reply by SMS through the outbox (and keep it as the answer to the message it replies to)",
    input: Type.Object(
      {
        to: Phone,
        text: Type.String({ minLength: 1, maxLength: 2000 }),
        locale: LocaleSchema,
        inbound: Type.Optional(Type.Object({ source: Source, messageId: MessageId }, strict)),
      },
      strict,
    ),
    output: Type.Object({ queued: Type.Literal(true) }),
    access: "platform_admin",
    probe: () => ({ to: "+380671112233", text: "probe", locale: "uk" as const }),
    run: (deps, _context, input) => queueSmsReply(deps, input),
  }),
};
