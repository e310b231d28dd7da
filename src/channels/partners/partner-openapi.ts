// The partners' own OpenAPI 3.1 document, made from the same routes and use-case schemas the API runs on, so it
// cannot drift: paths, parameters, bodies, answers, the error shape, and the signature as three header keys.

import { SIGNATURE_HEADERS, SIGNATURE_WINDOW_SECONDS } from "../../domain/partners/request-signature.ts";
import { useCases } from "../../services/registry.ts";
import type { UseCase } from "../../services/use-case.ts";
import { errorSchema, submitReadingResultSchema } from "../http/schemas/readings.ts";
import type { PartnerRoute } from "./partner-routes.ts";

/** Schemas the use cases name by $ref ("SubmitReadingResult#"), shown under components. */
const SHARED: Record<string, Record<string, unknown>> = {
  SubmitReadingResult: submitReadingResultSchema,
  Error: errorSchema,
};

/** "X#" references become "#/components/schemas/X"; $id keys are dropped (components name them). */
function localRefs(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(localRefs);
  if (!schema || typeof schema !== "object") return schema;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(schema)) {
    if (k === "$id") continue;
    if (k === "$ref" && typeof v === "string" && v.endsWith("#"))
      out[k] = `#/components/schemas/${v.slice(0, -1)}`;
    else out[k] = localRefs(v);
  }
  return out;
}

const DESCRIPTION = `For banks, payment-terminal networks and aggregators the platform administrator has registered.

Every request is signed. Send three headers:
- \`${SIGNATURE_HEADERS.keyId}\`: your key id (\`pk_…\`);
- \`${SIGNATURE_HEADERS.timestamp}\`: Unix time in seconds; more than ${SIGNATURE_WINDOW_SECONDS / 60} minutes from ours is refused;
- \`${SIGNATURE_HEADERS.signature}\`: hex HMAC-SHA256, keyed with your secret, of four lines joined by "\\n": the method
  in capitals, the path with its query string exactly as sent, the timestamp, and the hex SHA-256 of the body
  (of the empty string when there is none).

A signature is accepted once: a retry is signed anew (its timestamp changes). Payments are idempotent on your
txnId instead. Errors are { error: { code, message, details } }, the message in the language of Accept-Language
(uk, ru, en). An account of a provider not granted to you is 404 not_found, as an unknown one is.`;

export function partnerOpenApi(routes: readonly PartnerRoute[]) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const useCase = useCases[r.useCase] as unknown as UseCase;
    const input = useCase.input as unknown as { properties?: Record<string, unknown>; required?: string[] };
    const inPath = [...r.url.matchAll(/:(\w+)/g)].map((m) => m[1] as string);
    const properties = input.properties ?? {};
    const required = input.required ?? [];
    const parameter = (name: string, where: "path" | "query") => ({
      name,
      in: where,
      required: where === "path" || required.includes(name),
      schema: localRefs(properties[name]),
    });
    const parameters = [
      ...inPath.map((n) => parameter(n, "path")),
      ...(r.from === "query"
        ? Object.keys(properties)
            .filter((n) => !inPath.includes(n) && n !== r.textBody)
            .map((n) => parameter(n, "query"))
        : []),
    ];
    const bodyFields = Object.keys(properties).filter((n) => !inPath.includes(n));
    const body = r.textBody
      ? { required: true, content: { "text/csv": { schema: localRefs(properties[r.textBody]) } } }
      : r.from === "body" && bodyFields.length > 0
        ? {
            required: true,
            content: {
              "application/json": {
                schema: localRefs({
                  ...input,
                  properties: Object.fromEntries(bodyFields.map((n) => [n, properties[n]])),
                  required: required.filter((n) => bodyFields.includes(n)),
                }),
              },
            },
          }
        : undefined;
    const error = {
      description: "Refused",
      content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
    };
    const path = `/api/partners/v1${r.url.replace(/:(\w+)/g, "{$1}")}`;
    paths[path] ??= {};
    paths[path][r.method.toLowerCase()] = {
      operationId: useCase.name,
      tags: ["partners"],
      summary: useCase.summary,
      ...(useCase.description ? { description: useCase.description } : {}),
      security: [{ keyId: [], timestamp: [], signature: [] }],
      ...(parameters.length ? { parameters } : {}),
      ...(body ? { requestBody: body } : {}),
      responses: {
        200: { description: "Done", content: { "application/json": { schema: localRefs(useCase.output) } } },
        ...(r.status
          ? {
              201: {
                description: "Made",
                content: { "application/json": { schema: localRefs(useCase.output) } },
              },
            }
          : {}),
        400: error,
        401: error,
        403: error,
        404: error,
        409: error,
        422: error,
        429: error,
      },
    };
  }
  const header = (name: string, description: string) => ({ type: "apiKey", in: "header", name, description });
  return {
    openapi: "3.1.0",
    info: { title: "Abonent API for partners", version: "1.0.0", description: DESCRIPTION },
    paths,
    components: {
      securitySchemes: {
        keyId: header(SIGNATURE_HEADERS.keyId, "Your key id"),
        timestamp: header(SIGNATURE_HEADERS.timestamp, "Unix seconds"),
        signature: header(SIGNATURE_HEADERS.signature, "Hex HMAC-SHA256 of the canonical request"),
      },
      schemas: Object.fromEntries(Object.entries(SHARED).map(([k, v]) => [k, localRefs(v)])),
    },
  };
}
