// Use cases of what providers tell their residents: their news and how to reach them. Both show the providers of
// the caller's linked accounts (every provider to a resident with none yet), staff their own provider's.
import { Type } from "typebox";
import { Translated } from "../schemas.ts";
import { defineUseCase } from "../use-case.ts";
import { HoursException, LineStatus } from "./contact-schemas.ts";
import { listNews } from "./list-news.ts";
import { listProviderContacts } from "./list-provider-contacts.ts";

const NewsKind = Type.Union(
  [
    Type.Literal("tariff"),
    Type.Literal("payment"),
    Type.Literal("schedule"),
    Type.Literal("energy_saving"),
    Type.Literal("general"),
  ],
  {
    description:
      "tariff changes, payment information, the contact centre's schedule, energy-saving tips, or anything else",
  },
);
const ProviderOut = Type.Object({ id: Type.Integer(), code: Type.String(), name: Translated });
const Hours = Type.Array(
  Type.Object({
    weekday: Type.Integer({ minimum: 1, maximum: 7, description: "1 = Monday … 7 = Sunday" }),
    opens: Type.String({ description: "HH:MM, Kyiv time" }),
    closes: Type.String({ description: "HH:MM, Kyiv time" }),
  }),
  { description: "The days it is open; a day not listed is closed" },
);
const WHOSE =
  "A resident sees the providers of their linked accounts (every provider's while they have none linked), staff " +
  "their own provider's, platform administrators every provider's.";

export const providerUseCases = {
  listNews: defineUseCase({
    name: "listNews",
    tag: "providers",
    summary: "The news of my providers, newest first",
    description:
      `${WHOSE} Only items published by now and not expired. Each item in Ukrainian, Russian and English, with ` +
      "its provider, kind and publication time.",
    input: Type.Object(
      {
        kind: Type.Optional(NewsKind),
        limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
      },
      { additionalProperties: false },
    ),
    output: Type.Array(
      Type.Object({
        id: Type.Integer(),
        provider: ProviderOut,
        kind: NewsKind,
        publishedAt: Type.String({ format: "date-time" }),
        title: Translated,
        body: Translated,
      }),
    ),
    access: "signed_in",
    // The caller's own providers only: there is nobody else's to aim at (and the news is public anyway).
    probe: null,
    run: (deps, context, input) =>
      listNews(deps, { actor: context.actor, limit: input.limit ?? 50, kind: input.kind }),
  }),

  listProviderContacts: defineUseCase({
    name: "listProviderContacts",
    tag: "providers",
    summary:
      "My providers' contact-centre phones, opening hours, holiday schedule and whether they answer now",
    description:
      `${WHOSE} Phones as +380XXXXXXXXX; hours per weekday, Kyiv time; the voice bot's where there is one; the ` +
      "dated exceptions from today on (a holiday closed, a shortened day); whether each line answers now.",
    input: Type.Object({}, { additionalProperties: false }),
    output: Type.Array(
      Type.Object({
        id: Type.Integer(),
        code: Type.String(),
        name: Translated,
        phones: Type.Array(Type.String()),
        channels: Type.Array(Type.String()),
        contactCentre: Hours,
        voice: Hours,
        exceptions: Type.Array(HoursException, {
          description: "Days from today on with other hours than their weekday's, or closed (holidays)",
        }),
        now: Type.Object({ contactCentre: LineStatus, voice: LineStatus }),
      }),
    ),
    access: "signed_in",
    probe: null,
    run: (deps, context) => listProviderContacts(deps, { actor: context.actor }),
  }),
};
