// Bank payment registries for providers' administrators: upload a bank's file, get the import's report. The file
// is the raw body, so this route is written out rather than derived from the use case's schema; it only gathers
// the input and calls the registry (importPaymentRegistry in services/registries/use-cases.ts).
import type { FastifyInstance } from "fastify";
import { REGISTRY_ENCODINGS, type RegistryEncoding } from "../../../domain/registry/registry-format.ts";
import type { Deps } from "../../../services/deps.ts";
import { callUseCase, useCases } from "../../../services/registry.ts";
import { documented, httpContext } from "../use-case-route.ts";

const errorResponse = { $ref: "Error#" } as const;
/** A day's registry of a large provider is a few megabytes; this leaves room without inviting abuse. */
const MAX_FILE_BYTES = 32 * 1024 * 1024;

interface Query {
  source: string;
  fileName?: string;
  encoding?: RegistryEncoding;
  again?: boolean;
}

export async function paymentRegistryRoutes(app: FastifyInstance, opts: { deps: Deps }) {
  const { deps } = opts;
  // The file arrives as it is, bytes untouched: its encoding is for the import to check. (This plugin's own
  // parsers: registered without fastify-plugin, they reach no other route.)
  app.addContentTypeParser(
    ["text/csv", "text/plain", "application/octet-stream"],
    { parseAs: "buffer", bodyLimit: MAX_FILE_BYTES },
    (_request, body, done) => done(null, body),
  );

  app.post<{ Params: { provider: string }; Querystring: Query; Body: Buffer }>(
    "/api/providers/:provider/payment-registries",
    {
      preHandler: app.requireActor,
      bodyLimit: MAX_FILE_BYTES,
      schema: {
        ...documented(useCases.importPaymentRegistry),
        security: [{ bearer: [] }],
        params: {
          type: "object",
          required: ["provider"],
          properties: { provider: { type: "string", minLength: 1, maxLength: 60 } },
        },
        querystring: {
          type: "object",
          required: ["source"],
          properties: {
            source: {
              type: "string",
              minLength: 1,
              maxLength: 40,
              description: 'A registry source, e.g. "standard"',
            },
            fileName: { type: "string", minLength: 1, maxLength: 200, description: "Kept with the import" },
            encoding: {
              type: "string",
              enum: [...REGISTRY_ENCODINGS],
              description: "Instead of the source's",
            },
            again: { type: "boolean", default: false },
          },
        },
        response: {
          201: { $ref: "RegistryReport#" },
          400: errorResponse,
          401: errorResponse,
          403: errorResponse,
          404: errorResponse,
          409: errorResponse,
          413: errorResponse,
          415: errorResponse,
          422: errorResponse,
        },
      },
    },
    async (request, reply) => {
      const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      const report = await callUseCase(deps, "importPaymentRegistry", httpContext(request), {
        provider: request.params.provider,
        source: request.query.source,
        content: body,
        again: request.query.again ?? false,
        ...(request.query.fileName ? { fileName: request.query.fileName } : {}),
        ...(request.query.encoding ? { encoding: request.query.encoding } : {}),
      });
      return reply.status(201).send(report);
    },
  );
}

const count = { type: "integer", minimum: 0 } as const;
const nullable = (type: "string" | "integer") => ({ type: [type, "null"] }) as const;

export const paymentRegistrySchemas = [
  {
    $id: "RegistryReport",
    type: "object",
    required: [
      "registryId",
      "source",
      "fileName",
      "sha256",
      "encoding",
      "encodingDetected",
      "fields",
      "lines",
      "posted",
      "postedKop",
      "duplicates",
      "unmatched",
      "malformed",
      "blankLines",
      "skippedLines",
      "problems",
      "problemsNotListed",
    ],
    properties: {
      registryId: { type: "integer" },
      source: { type: "string" },
      fileName: { type: "string" },
      sha256: { type: "string" },
      encoding: { type: "string", enum: ["utf-8", "windows-1251"] },
      encodingDetected: { type: "boolean", description: "Chosen from the bytes (source set to auto)" },
      fields: {
        type: "array",
        items: { type: "string" },
        description: "Our fields the file has a column for",
      },
      lines: {
        ...count,
        description: "Payment lines, each recorded: posted + duplicates + unmatched + malformed",
      },
      posted: count,
      postedKop: { ...count, description: "Kopiykas posted" },
      duplicates: count,
      unmatched: count,
      malformed: count,
      blankLines: { ...count, description: "Empty lines: not payments, not recorded" },
      skippedLines: {
        type: "array",
        description:
          "Lines the source's settings skip above the header and below the payments (a preamble, a totals line)",
        items: {
          type: "object",
          required: ["line", "raw"],
          properties: { line: { type: "integer", minimum: 1 }, raw: { type: "string" } },
        },
      },
      problemsNotListed: {
        ...count,
        description: "Lines not posted beyond the first 1,000 listed (all are kept with their reasons)",
      },
      problems: {
        type: "array",
        description: "The lines not posted, in file order (the first 1,000)",
        items: {
          type: "object",
          required: ["line", "outcome", "reason", "message", "reference", "account", "amountKop", "raw"],
          properties: {
            line: { type: "integer", minimum: 1 },
            outcome: { type: "string", enum: ["duplicate", "unmatched", "malformed"] },
            reason: { type: "string", description: "A stable code (docs/registries.md)" },
            message: { type: "string", description: "The reason in the language of Accept-Language" },
            reference: nullable("string"),
            account: nullable("string"),
            amountKop: nullable("integer"),
            raw: { type: "string", description: "The line as in the file" },
          },
        },
      },
    },
  },
] as const;
