// Use cases of bank payment registries: importing a bank's file for a provider, and the registry sources (their
// file formats). Who may import for a provider is checked here (authorize-registry-import.ts), never by a channel.
import { Type } from "typebox";
import {
  DATE_FORMATS,
  DECIMAL_SEPARATORS,
  MAX_SKIPPED_LINES,
  REGISTRY_ENCODINGS,
  REGISTRY_FIELDS,
} from "../../domain/registry/registry-format.ts";
import type { ActorContext } from "../context.ts";
import { AppError } from "../errors.ts";
import { findProviderForActor } from "../providers/find-provider-for-actor.ts";
import { Ref } from "../schemas.ts";
import { defineUseCase } from "../use-case.ts";
import { authorizeRegistryImport } from "./authorize-registry-import.ts";
import {
  importPaymentRegistry,
  type RegistryContent,
  type RegistryReport,
} from "./import-payment-registry.ts";
import { listRegistrySources } from "./list-registry-sources.ts";
import type { RegistrySourceView } from "./registry-source-view.ts";
import { saveRegistrySource } from "./save-registry-source.ts";

/** One of a closed list of words, typed as that list's union. */
function oneOf<T extends string>(values: readonly T[]) {
  return Type.Unsafe<T>(Type.Union(values.map((v) => Type.Literal(v))));
}

const SourceName = Type.String({
  minLength: 1,
  maxLength: 40,
  description: 'A registry source, e.g. "standard"',
});
const ColumnRef = Type.Union([Type.Integer({ minimum: 1, maximum: 999 }), Type.String({ minLength: 1 })]);

/** Who imported, as kept on the registry: the command line, or the person. */
function importedBy(context: ActorContext): string {
  return context.channel === "cli" ? "cli" : `user:${context.actor.userId}`;
}

export const registryUseCases = {
  importPaymentRegistry: defineUseCase({
    name: "importPaymentRegistry",
    tag: "payments",
    summary: "Import a bank payment registry (CSV) for a provider, in one transaction, and report on it",
    description:
      "The body is the file itself (text/csv or application/octet-stream), in the format of the registry " +
      "source named by ?source= (docs/registries.md). Each line is posted to its account's ledger or kept as a " +
      "duplicate, unmatched or malformed line, reported with its reason; lines for another provider are " +
      "unmatched. 201 with the report; 409 registry_already_imported for the same file again (again=true " +
      "imports it anyway, posting nothing twice); 422 for a file that cannot be read (registry_empty, " +
      "registry_not_csv, registry_header_invalid, registry_wrong_encoding), nothing written. Only the " +
      "provider's administrators and platform administrators: the provider's operators get 403, anyone else 404.",
    input: Type.Object(
      {
        /** The provider's code or id; only a platform administrator may leave it out (lines name theirs). */
        provider: Type.Optional(Type.String({ minLength: 1, maxLength: 60 })),
        source: SourceName,
        fileName: Type.Optional(
          Type.String({ minLength: 1, maxLength: 200, description: "Kept with the import" }),
        ),
        encoding: Type.Optional(oneOf(REGISTRY_ENCODINGS)),
        again: Type.Optional(Type.Boolean({ default: false })),
        /** The file: its bytes (an upload), or a way to read it from the start (a file on disk). */
        content: Type.Unsafe<RegistryContent>({ description: "The file's bytes" }),
      },
      { additionalProperties: false },
    ),
    output: Ref<RegistryReport>("RegistryReport"),
    access: "administrator",
    audited: true,
    probe: (t) => ({ provider: t.providerCode, source: "standard", content: new Uint8Array(0) }),
    run: async (deps, context, input) => {
      const { actor } = context;
      if (input.provider === undefined && actor.kind !== "platform_admin") throw new AppError("forbidden");
      const provider =
        input.provider === undefined
          ? undefined
          : await authorizeRegistryImport(deps, { actor, provider: input.provider });
      return importPaymentRegistry(deps, {
        source: input.source,
        fileName: input.fileName ?? "registry.csv",
        content: input.content,
        importedBy: importedBy(context),
        locale: context.locale,
        again: input.again ?? false,
        ...(provider ? { providerId: provider.id } : {}),
        ...(input.encoding ? { encoding: input.encoding } : {}),
      });
    },
  }),

  listRegistrySources: defineUseCase({
    name: "listRegistrySources",
    tag: "payments",
    summary: "The registry sources and their file formats",
    input: Type.Object({}, { additionalProperties: false }),
    output: Type.Array(Type.Unsafe<RegistrySourceView>({ type: "object" })),
    access: "platform_admin",
    // Every provider's sources: platform administrators only, so outsiders must be refused outright.
    probe: () => ({}),
    run: (deps) => listRegistrySources(deps),
  }),

  saveRegistrySource: defineUseCase({
    name: "saveRegistrySource",
    tag: "payments",
    summary: "Create a registry source, or change one: only the fields given change",
    input: Type.Object(
      {
        // Names and texts are the service's to judge (registry_source_invalid says what is wrong).
        name: Type.String(),
        description: Type.Optional(Type.String()),
        /** A provider's code or id that every line pays; null: lines name their provider (EDRPOU or IBAN). */
        provider: Type.Optional(Type.Union([Type.String({ minLength: 1, maxLength: 60 }), Type.Null()])),
        encoding: Type.Optional(oneOf(REGISTRY_ENCODINGS)),
        delimiter: Type.Optional(Type.String()),
        decimalSeparator: Type.Optional(oneOf(DECIMAL_SEPARATORS)),
        dateFormat: Type.Optional(oneOf(DATE_FORMATS)),
        header: Type.Optional(Type.Boolean()),
        maxAmountKop: Type.Optional(Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER })),
        skipFirstLines: Type.Optional(Type.Integer({ minimum: 0, maximum: MAX_SKIPPED_LINES })),
        skipLastLines: Type.Optional(Type.Integer({ minimum: 0, maximum: MAX_SKIPPED_LINES })),
        /** Changes to the mapping: a field to a column (header text or 1-based position), or null to drop it. */
        columns: Type.Optional(
          Type.Partial(
            Type.Object(
              Object.fromEntries(
                REGISTRY_FIELDS.map((f) => [f, Type.Union([ColumnRef, Type.Null()])]),
              ) as Record<
                (typeof REGISTRY_FIELDS)[number],
                ReturnType<typeof Type.Union<[typeof ColumnRef, ReturnType<typeof Type.Null>]>>
              >,
              { additionalProperties: false },
            ),
          ),
        ),
      },
      { additionalProperties: false },
    ),
    output: Type.Object({
      source: Type.Unsafe<RegistrySourceView>({ type: "object" }),
      created: Type.Boolean(),
    }),
    access: "platform_admin",
    audited: true,
    probe: () => ({ name: "isolation-probe", columns: {} }),
    run: async (deps, context, input) => {
      const { provider, ...rest } = input;
      const providerId =
        provider === undefined
          ? undefined
          : provider === null
            ? null
            : (await findProviderForActor(deps, context.actor, provider)).id;
      return saveRegistrySource(deps, { ...rest, ...(providerId === undefined ? {} : { providerId }) });
    },
  }),
};
