// Use cases of what a provider's administrators tell and offer residents: the news (scheduled, published,
// withdrawn), the contact centre's phones, hours and holiday schedule, and the channels readings are taken
// through. Staff reach their own provider's, platform administrators any; another provider's is 404.
import { Type } from "typebox";
import {
  ContactLine,
  HoursException,
  LineStatus,
  LocalDateText,
  TimeOfDay,
} from "../providers/contact-schemas.ts";
import { Translated } from "../schemas.ts";
import { defineUseCase } from "../use-case.ts";
import { getChannels, setChannels } from "./channels.ts";
import { getContactCentre } from "./get-contact-centre.ts";
import { listProviderNews } from "./list-provider-news.ts";
import { saveContactCentre } from "./save-contact-centre.ts";
import { saveNews } from "./save-news.ts";
import { withdrawNews } from "./withdraw-news.ts";

const ADMINISTRATORS =
  "The provider's administrators and platform administrators: its operators get 403, anyone else 404.";

const ProviderKey = Type.String({
  minLength: 1,
  maxLength: 60,
  description: 'The provider\'s code (e.g. "deu") or id',
});
const ProviderOut = Type.Object({ id: Type.Integer(), code: Type.String(), name: Translated });
const NewsKind = Type.Union([
  Type.Literal("tariff"),
  Type.Literal("payment"),
  Type.Literal("schedule"),
  Type.Literal("energy_saving"),
  Type.Literal("general"),
]);
const NewsState = Type.Union([Type.Literal("scheduled"), Type.Literal("published"), Type.Literal("expired")]);
const NewsItem = Type.Object({
  id: Type.Integer(),
  kind: NewsKind,
  publishedAt: Type.String({ format: "date-time" }),
  expiresAt: Type.Union([Type.String({ format: "date-time" }), Type.Null()]),
  state: NewsState,
  title: Translated,
  body: Translated,
});
const text = (max: number, what: string) =>
  Type.Object(
    {
      uk: Type.String({ maxLength: max, description: `The ${what} in Ukrainian (required)` }),
      ru: Type.Optional(Type.String({ maxLength: max, description: "Russian; empty: the Ukrainian text" })),
      en: Type.Optional(Type.String({ maxLength: max, description: "English; empty: the Ukrainian text" })),
    },
    { additionalProperties: false },
  );
const Channel = Type.Union(
  [
    Type.Literal("web"),
    Type.Literal("contact_centre"),
    Type.Literal("voice"),
    Type.Literal("viber"),
    Type.Literal("telegram"),
    Type.Literal("facebook"),
    Type.Literal("sms"),
    Type.Literal("bank"),
    Type.Literal("import"),
  ],
  {
    description:
      "web: the cabinet and the API; contact_centre: operators entering a caller's reading; voice: the voice " +
      "bot; viber, telegram, facebook: the messengers' bots; sms: texts to the short number; import: files and the command line",
  },
);
const ChannelsOut = Type.Object({ provider: ProviderOut, channels: Type.Array(Channel) });
const WeeklyHours = Type.Object(
  {
    line: ContactLine,
    weekday: Type.Integer({ minimum: 1, maximum: 7, description: "1 = Monday … 7 = Sunday" }),
    opens: TimeOfDay,
    closes: TimeOfDay,
  },
  { additionalProperties: false },
);
const ContactCentreOut = Type.Object({
  provider: ProviderOut,
  phones: Type.Array(Type.String(), { description: "+380XXXXXXXXX" }),
  hours: Type.Array(WeeklyHours, { description: "A weekday not listed is closed" }),
  exceptions: Type.Array(HoursException, { description: "From today on" }),
  now: Type.Object({ contactCentre: LineStatus, voice: LineStatus }),
});

export const providerSettingsUseCases = {
  listProviderNews: defineUseCase({
    name: "listProviderNews",
    tag: "providers",
    summary: "Every news item of the provider, scheduled, published and expired, newest first",
    description: `${ADMINISTRATORS} Each with its state at this moment: what residents see of it.`,
    input: Type.Object(
      {
        provider: ProviderKey,
        limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 200 })),
      },
      { additionalProperties: false },
    ),
    output: Type.Array(NewsItem),
    access: "administrator",
    probe: (t) => ({ provider: t.providerCode }),
    run: (deps, context, input) =>
      listProviderNews(deps, { actor: context.actor, provider: input.provider, limit: input.limit ?? 200 }),
  }),

  saveNews: defineUseCase({
    name: "saveNews",
    tag: "providers",
    summary: "Write a news item for the provider's residents, or edit one (with id)",
    description:
      `${ADMINISTRATORS} It appears at publishedAt (later: scheduled) and disappears at expiresAt (none: never; ` +
      "it must come after publishedAt, else 422 news_expiry_before_publication). The Ukrainian title and text " +
      "are required (422 news_text_missing); a Russian or English one left empty is stored as the Ukrainian.",
    input: Type.Object(
      {
        provider: ProviderKey,
        id: Type.Optional(Type.Integer({ minimum: 1, description: "The item to edit; absent: a new one" })),
        kind: NewsKind,
        publishedAt: Type.String({ format: "date-time", maxLength: 40 }),
        expiresAt: Type.Optional(
          Type.Union([Type.String({ format: "date-time", maxLength: 40 }), Type.Null()]),
        ),
        title: text(200, "title"),
        body: text(4000, "text"),
      },
      { additionalProperties: false },
    ),
    output: NewsItem,
    access: "administrator",
    audited: true,
    probe: (t) => ({
      provider: t.providerCode,
      id: t.newsId,
      kind: "general" as const,
      publishedAt: "2026-01-05T08:00:00Z",
      title: { uk: "Перевірка" },
      body: { uk: "Перевірка" },
    }),
    run: (deps, context, input) => saveNews(deps, { actor: context.actor, ...input }),
  }),

  withdrawNews: defineUseCase({
    name: "withdrawNews",
    tag: "providers",
    summary: "Take a news item down: a published one ends now, a scheduled one is deleted",
    description: `${ADMINISTRATORS} An item already expired stays as it is.`,
    input: Type.Object(
      { provider: ProviderKey, id: Type.Integer({ minimum: 1 }) },
      { additionalProperties: false },
    ),
    output: Type.Object({
      id: Type.Integer(),
      outcome: Type.Union([Type.Literal("expired"), Type.Literal("deleted")]),
    }),
    access: "administrator",
    audited: true,
    probe: (t) => ({ provider: t.providerCode, id: t.newsId }),
    run: (deps, context, input) => withdrawNews(deps, { actor: context.actor, ...input }),
  }),

  getContactCentre: defineUseCase({
    name: "getContactCentre",
    tag: "providers",
    summary: "The contact centre's phones, weekly hours, holiday schedule and whether it answers now",
    description:
      "Staff of the provider and platform administrators; anyone else 404. Hours per weekday of the contact " +
      "centre and the voice bot, Kyiv time; the dated exceptions from today on.",
    input: Type.Object({ provider: ProviderKey }, { additionalProperties: false }),
    output: ContactCentreOut,
    access: "staff",
    probe: (t) => ({ provider: t.providerCode }),
    run: (deps, context, input) => getContactCentre(deps, { actor: context.actor, provider: input.provider }),
  }),

  saveContactCentre: defineUseCase({
    name: "saveContactCentre",
    tag: "providers",
    summary: "Set the contact centre's phones, weekly hours and holiday schedule (the whole set at once)",
    description:
      `${ADMINISTRATORS} Phones as Ukrainians write them (422 contact_phone_invalid); hours per line and ` +
      "weekday, a weekday not listed closed, closing after opening (422 contact_hours_invalid); exceptions from " +
      "today on (422 hours_exception_in_past), without opens and closes: closed all day. Exceptions of past days " +
      "are kept.",
    input: Type.Object(
      {
        provider: ProviderKey,
        phones: Type.Array(Type.String({ maxLength: 40 }), { maxItems: 10 }),
        hours: Type.Array(WeeklyHours, { maxItems: 14 }),
        exceptions: Type.Array(
          Type.Object(
            {
              date: LocalDateText,
              line: ContactLine,
              opens: Type.Optional(Type.Union([TimeOfDay, Type.Null()])),
              closes: Type.Optional(Type.Union([TimeOfDay, Type.Null()])),
              note: Type.Optional(text(200, "note")),
            },
            { additionalProperties: false },
          ),
          { maxItems: 200 },
        ),
      },
      { additionalProperties: false },
    ),
    output: ContactCentreOut,
    access: "administrator",
    audited: true,
    probe: (t) => ({
      provider: t.providerCode,
      phones: ["067 652 60 00"],
      hours: [{ line: "contact_centre" as const, weekday: 1, opens: "07:00", closes: "21:00" }],
      exceptions: [],
    }),
    run: (deps, context, input) => saveContactCentre(deps, { actor: context.actor, ...input }),
  }),

  getChannels: defineUseCase({
    name: "getChannels",
    tag: "providers",
    summary: "The channels the provider takes meter readings through",
    description: `${ADMINISTRATORS} web covers the cabinet and the API; import, files and the command line.`,
    input: Type.Object({ provider: ProviderKey }, { additionalProperties: false }),
    output: ChannelsOut,
    access: "administrator",
    probe: (t) => ({ provider: t.providerCode }),
    run: (deps, context, input) => getChannels(deps, { actor: context.actor, provider: input.provider }),
  }),

  setChannels: defineUseCase({
    name: "setChannels",
    tag: "providers",
    summary: "Switch the channels the provider takes meter readings through",
    description:
      `${ADMINISTRATORS} The channels listed are on, the rest off: a reading through a channel that is off is ` +
      "refused with 422 reading_channel_off.",
    input: Type.Object(
      { provider: ProviderKey, channels: Type.Array(Channel, { maxItems: 7, uniqueItems: true }) },
      { additionalProperties: false },
    ),
    output: ChannelsOut,
    access: "administrator",
    audited: true,
    probe: (t) => ({
      provider: t.providerCode,
      channels: ["web" as const, "contact_centre" as const, "import" as const],
    }),
    run: (deps, context, input) =>
      setChannels(deps, { actor: context.actor, provider: input.provider, channels: input.channels }),
  }),
};
