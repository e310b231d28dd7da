// Use cases of the administrator's tariffs: the provider's tariffs as they stand and a new one for a span of
// dates. A provider's administrators and platform administrators only; the provider's operators get 403, anyone
// else 404 (the provider's scoped lookup).
import { Type } from "typebox";
import { Id, LocalDate, Translated } from "../schemas.ts";
import { defineUseCase } from "../use-case.ts";
import { Service as ServiceCode } from "../windows/use-cases.ts";
import { type AddedTariff, addTariff } from "./add-tariff.ts";
import { listTariffs, type TariffList } from "./list-tariffs.ts";

const ADMINISTRATORS =
  "Only the provider's administrators and platform administrators: the provider's operators get 403, " +
  "anyone else 404.";
const ProviderKey = Type.String({
  minLength: 1,
  maxLength: 60,
  description: 'The provider\'s code (e.g. "deu") or id',
});
const Settlement = Type.Object({ id: Type.Integer(), code: Type.String(), name: Translated });
const ZoneName = Type.Union([
  Type.Literal("day"),
  Type.Literal("night"),
  Type.Literal("peak"),
  Type.Literal("half_peak"),
]);
const Decimal = (description: string) => Type.String({ maxLength: 20, description });
const Block = Type.Object(
  {
    upTo: Type.Union(
      [Decimal("Units a month this price applies up to (cumulative), up to 3 decimals"), Type.Null()],
      {
        description: "null: no limit — only, and always, the last block",
      },
    ),
    priceUah: Decimal('UAH per unit, an exact decimal with up to 6 decimals, e.g. "4.32"'),
  },
  { additionalProperties: false },
);
const Zone = Type.Object(
  {
    zones: Type.Union([Type.Literal(2), Type.Literal(3)], {
      description: "The kind of meter: two- or three-zone",
    }),
    zone: Type.Integer({ minimum: 1, maximum: 3 }),
    name: ZoneName,
    coefficient: Decimal('Multiplies the block price, e.g. "0.5", up to 3 decimals'),
  },
  { additionalProperties: false },
);
const TariffOut = Type.Object({
  id: Type.Integer(),
  service: Type.String(),
  settlement: Type.Union([Settlement, Type.Null()]),
  effectiveFrom: Type.String(),
  effectiveTo: Type.Union([Type.String(), Type.Null()], { description: "Exclusive; null while open-ended" }),
  lastDay: Type.Union([Type.String(), Type.Null()], { description: "The last day in force" }),
  fixedFeeKop: Type.Integer(),
  normPerResident: Type.Union([Type.String(), Type.Null()]),
  normPerM2: Type.Union([Type.String(), Type.Null()]),
  blocks: Type.Array(
    Type.Object({ upTo: Type.Union([Type.String(), Type.Null()]), priceUah: Type.String() }),
  ),
  zones: Type.Array(
    Type.Object({ zones: Type.Integer(), zone: Type.Integer(), name: ZoneName, coefficient: Type.String() }),
  ),
  source: Type.String(),
  illustrative: Type.Boolean(),
  standing: Type.Union([Type.Literal("past"), Type.Literal("current"), Type.Literal("future")]),
});

export const tariffUseCases = {
  listTariffs: defineUseCase({
    name: "listTariffs",
    tag: "tariffs",
    summary: "The provider's tariffs, past, current and future",
    description:
      `${ADMINISTRATORS} Per service and settlement (null: every settlement), newest first. With settlementId: that ` +
      "settlement's own tariffs and the provider-wide ones (which apply there on the days it has none of its own).",
    input: Type.Object(
      { provider: ProviderKey, service: Type.Optional(ServiceCode), settlementId: Type.Optional(Id) },
      { additionalProperties: false },
    ),
    output: Type.Unsafe<TariffList>(
      Type.Object({
        provider: Type.Object({ id: Type.Integer(), code: Type.String() }),
        today: Type.String(),
        tariffs: Type.Array(TariffOut),
        services: Type.Array(
          Type.Object({ service: Type.String(), name: Translated, settlements: Type.Array(Settlement) }),
        ),
      }),
    ),
    access: "administrator",
    probe: (t) => ({ provider: t.providerCode }),
    run: (deps, context, input) =>
      listTariffs(deps, {
        actor: context.actor,
        provider: input.provider,
        ...(input.service ? { service: input.service } : {}),
        ...(input.settlementId !== undefined ? { settlementId: input.settlementId } : {}),
      }),
  }),

  addTariff: defineUseCase({
    name: "addTariff",
    tag: "tariffs",
    summary: "Add a tariff of a service for a span of dates",
    description:
      `${ADMINISTRATORS} Tiered blocks (rising limits, the last one without), zone coefficients for two- and ` +
      "three-zone meters (complete sets: day, night; peak, half-peak, night), a monthly fixed fee in kopiykas, " +
      "norms for unmetered use. Spans of one service and settlement never overlap: 409 tariff_overlap names the " +
      "existing tariff's dates; endCurrent ends the current open-ended tariff the day before this one starts. " +
      "A start in a billed, closed month is 422 tariff_effective_closed; a service or settlement the provider does " +
      "not supply 422 service_not_served; multi-zone meters without coefficients 422 tariff_zones_missing.",
    input: Type.Object(
      {
        provider: ProviderKey,
        service: ServiceCode,
        settlementId: Type.Union([Id, Type.Null()], {
          description: "A settlement the provider supplies the service in; null: every one of them",
        }),
        effectiveFrom: LocalDate,
        effectiveTo: Type.Union([LocalDate, Type.Null()], { description: "Exclusive; null: no end date" }),
        fixedFeeKop: Type.Integer({
          minimum: 0,
          maximum: 100_000_000,
          description: "Per month, in kopiykas",
        }),
        normPerResident: Type.Optional(
          Type.Union([Decimal("Units a month per registered resident, up to 3 decimals"), Type.Null()]),
        ),
        normPerM2: Type.Optional(
          Type.Union([Decimal("Units a month per m² (heating), up to 5 decimals"), Type.Null()]),
        ),
        blocks: Type.Array(Block, { minItems: 1, maxItems: 10 }),
        zones: Type.Array(Zone, { maxItems: 5 }),
        source: Type.String({ maxLength: 500, description: "The resolution or decision the tariff follows" }),
        endCurrent: Type.Optional(
          Type.Boolean({ description: "End the current open-ended tariff the day before this one starts" }),
        ),
      },
      { additionalProperties: false },
    ),
    output: Type.Unsafe<AddedTariff>(
      Type.Object({
        tariff: TariffOut,
        ended: Type.Union([Type.Object({ id: Type.Integer(), lastDay: Type.String() }), Type.Null()]),
      }),
    ),
    access: "administrator",
    audited: true,
    // A span far ahead: the target's own administrator meets its current open-ended tariff (tariff_overlap).
    probe: (t) => ({
      provider: t.providerCode,
      service: "electricity" as const,
      settlementId: null,
      effectiveFrom: "2099-01-01",
      effectiveTo: null,
      fixedFeeKop: 0,
      blocks: [{ upTo: null, priceUah: "1.00" }],
      zones: [],
      source: "isolation probe",
    }),
    run: (deps, context, input) => {
      const { provider, ...tariff } = input;
      return addTariff(deps, { actor: context.actor, provider, tariff });
    },
  }),
};
