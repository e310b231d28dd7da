// Use cases of the administrator's registry pages: a provider's imports, and one import's report read back from
// what the import kept (the import's own answer is gone once its page is left).
import { Type } from "typebox";
import { Id } from "../schemas.ts";
import { defineUseCase } from "../use-case.ts";
import { authorizeRegistryImport } from "./authorize-registry-import.ts";
import { listPaymentRegistries } from "./list-payment-registries.ts";
import type { PaymentRegistryReport, PaymentRegistrySummary } from "./payment-registry-view.ts";
import { getPaymentRegistry } from "./read-payment-registry.ts";
import { loadRegistrySources, type RegistrySourceView } from "./registry-source-view.ts";

const ADMINISTRATORS =
  "Only the provider's administrators and platform administrators: the provider's operators get 403, " +
  "anyone else 404.";

const count = Type.Integer({ minimum: 0 });
const nullable = <T extends ReturnType<typeof Type.String> | ReturnType<typeof Type.Integer>>(t: T) =>
  Type.Union([t, Type.Null()]);
const summaryProperties = {
  id: Type.Integer(),
  source: Type.String(),
  providerId: nullable(Type.Integer()),
  fileName: Type.String(),
  sha256: Type.String(),
  sizeBytes: count,
  encoding: Type.String(),
  encodingDetected: Type.Boolean(),
  importedAt: Type.String({ format: "date-time" }),
  importedBy: Type.String({ description: '"cli" or "user:<id>"' }),
  lines: count,
  posted: count,
  duplicates: count,
  unmatched: count,
  malformed: count,
  postedKop: count,
  blankLines: count,
  skippedLines: count,
};
const Summary = Type.Object(summaryProperties);
const Report = Type.Object({
  ...summaryProperties,
  outcomes: Type.Array(Type.Object({ outcome: Type.String(), lines: count, amountKop: count })),
  problems: Type.Array(
    Type.Object({
      line: Type.Integer({ minimum: 1 }),
      outcome: Type.String(),
      reason: Type.String({ description: "A stable code (docs/registries.md)" }),
      message: Type.String(),
      reference: nullable(Type.String()),
      account: nullable(Type.String()),
      amountKop: nullable(Type.Integer()),
      raw: Type.String(),
    }),
  ),
  problemsNotListed: count,
});

export const registryReportUseCases = {
  listProviderRegistrySources: defineUseCase({
    name: "listProviderRegistrySources",
    tag: "payments",
    summary: "The registry sources a provider's files may be imported through, and their formats",
    description:
      `${ADMINISTRATORS} The sources bound to the provider and those whose lines name their provider; only a ` +
      "platform administrator changes them (saveRegistrySource).",
    input: Type.Object(
      { provider: Type.String({ minLength: 1, maxLength: 60, description: "The provider's code or id" }) },
      { additionalProperties: false },
    ),
    output: Type.Array(Type.Unsafe<RegistrySourceView>({ type: "object" })),
    access: "administrator",
    probe: (t) => ({ provider: t.providerCode }),
    run: async (deps, context, input) => {
      const provider = await authorizeRegistryImport(deps, {
        actor: context.actor,
        provider: input.provider,
      });
      const all = await loadRegistrySources(deps.database.db);
      return all.filter((s) => s.provider === null || s.provider.id === provider.id);
    },
  }),

  listPaymentRegistries: defineUseCase({
    name: "listPaymentRegistries",
    tag: "payments",
    summary: "A provider's imported payment registries, newest first, with their counts",
    description: ADMINISTRATORS,
    input: Type.Object(
      {
        provider: Type.String({ minLength: 1, maxLength: 60, description: "The provider's code or id" }),
        limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
      },
      { additionalProperties: false },
    ),
    output: Type.Object({ registries: Type.Array(Type.Unsafe<PaymentRegistrySummary>(Summary)) }),
    access: "administrator",
    probe: (t) => ({ provider: t.providerCode }),
    run: async (deps, context, input) => ({
      registries: await listPaymentRegistries(deps, {
        actor: context.actor,
        provider: input.provider,
        ...(input.limit ? { limit: input.limit } : {}),
      }),
    }),
  }),

  getPaymentRegistry: defineUseCase({
    name: "getPaymentRegistry",
    tag: "payments",
    summary: "One imported registry's report: counts and amounts by outcome, the lines not posted and why",
    description:
      `${ADMINISTRATORS} The lines not posted are listed in file order, the first \`limit\` (1,000 by default); ` +
      "their messages are in the caller's language. A registry imported for no one provider (its lines name " +
      "theirs) is a platform administrator's only.",
    input: Type.Object(
      { registryId: Id, limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })) },
      { additionalProperties: false },
    ),
    output: Type.Unsafe<PaymentRegistryReport>(Report),
    access: "administrator",
    probe: (t) => ({ registryId: t.registryLine.registryId }),
    run: (deps, context, input) =>
      getPaymentRegistry(deps, {
        actor: context.actor,
        registryId: input.registryId,
        locale: context.locale,
        ...(input.limit ? { limit: input.limit } : {}),
      }),
  }),
};
