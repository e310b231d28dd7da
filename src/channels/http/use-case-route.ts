// The HTTP adapter of the registry: one route per use case, its schema split from the use case's own input
// schema (path parameters by the URL's :names, declared query and header fields, the rest the body), its
// response from the output schema. The handler only gathers the input and the context and calls the registry.
import type { FastifyInstance, FastifyReply, FastifyRequest, HTTPMethods } from "fastify";
import type { TSchema } from "typebox";
import type { ContextChannel, UseCaseContext } from "../../services/context.ts";
import type { Deps } from "../../services/deps.ts";
import {
  callUseCase,
  type InputOf,
  type OutputOf,
  type UseCaseName,
  useCases,
} from "../../services/registry.ts";
import type { UseCase } from "../../services/use-case.ts";

export interface RouteBinding<N extends UseCaseName> {
  method: Extract<HTTPMethods, "GET" | "POST" | "PUT" | "PATCH" | "DELETE">;
  url: string;
  /** Input fields read from the query string; on GET and DELETE every field not in the path is. */
  query?: (keyof InputOf<N> & string)[];
  /** Input fields read from headers: { idempotencyKey: "idempotency-key" }. */
  headers?: Partial<Record<keyof InputOf<N> & string, string>>;
  /** Input fields the adapter takes from the request itself (the client's address, the bearer token), in no schema. */
  derived?: Partial<Record<keyof InputOf<N> & string, (request: FastifyRequest) => unknown>>;
  /** Input fields this channel does not offer (an operator's tuning knob of the command line). */
  omit?: (keyof InputOf<N> & string)[];
  /** "session": personal API tokens may not call it (managing sessions and tokens). Default: by access. */
  credential?: "session";
  /** The status the output is documented and sent with; default 200. */
  success?: number;
  /** The status of a particular success, when it varies (201 created, 200 unchanged); default `success`. */
  status?: (output: OutputOf<N>) => number;
  /** Further documented answers besides 200 and the errors every route may give. */
  responses?: Record<number, unknown>;
  /** Sends the output some other way than JSON (a file, a redirect). */
  send?: (reply: FastifyReply, output: OutputOf<N>, request: FastifyRequest) => unknown;
  channel?: ContextChannel;
}

const errorRef = { $ref: "Error#" } as const;

interface ObjectSchema {
  properties?: Record<string, TSchema>;
  required?: string[];
  oneOf?: unknown[];
  anyOf?: unknown[];
}

function pick(input: ObjectSchema, keys: string[], extra: Record<string, unknown> = {}) {
  const properties = Object.fromEntries(keys.map((k) => [k, input.properties?.[k]]));
  const required = (input.required ?? []).filter((k) => keys.includes(k));
  return { type: "object", properties, ...(required.length ? { required } : {}), ...extra };
}

/** The caller's context on the HTTP API: the actor's stored language unless the request named one. */
export function httpContext(request: FastifyRequest, channel: ContextChannel = "api"): UseCaseContext {
  return { actor: request.actor, channel, locale: request.locale, client: request.ip };
}

/** A written-out route's OpenAPI operation named and described by its use case, as routeUseCase does. */
export function documented(useCase: Pick<UseCase, "name" | "tag" | "summary" | "description">) {
  return {
    operationId: useCase.name,
    tags: [useCase.tag],
    summary: useCase.summary,
    ...(useCase.description ? { description: useCase.description } : {}),
  };
}

export function routeUseCase<N extends UseCaseName>(
  app: FastifyInstance,
  deps: Deps,
  name: N,
  binding: RouteBinding<N>,
): void {
  const useCase = useCases[name] as unknown as UseCase;
  const input = useCase.input as unknown as ObjectSchema;
  const hidden = [...Object.keys(binding.derived ?? {}), ...((binding.omit ?? []) as string[])];
  const fields = Object.keys(input.properties ?? {}).filter((f) => !hidden.includes(f));
  const success = binding.success ?? 200;
  const inPath = [...binding.url.matchAll(/:(\w+)/g)].map((m) => m[1]!);
  const headerFields = Object.keys(binding.headers ?? {});
  const withBody = binding.method !== "GET" && binding.method !== "DELETE";
  const inQuery = withBody
    ? ((binding.query ?? []) as string[])
    : fields.filter((f) => !inPath.includes(f) && !headerFields.includes(f));
  const inBody = withBody
    ? fields.filter((f) => !inPath.includes(f) && !inQuery.includes(f) && !headerFields.includes(f))
    : [];
  const isPublic = useCase.access === "public";
  const preHandler = isPublic
    ? app.identifyActor
    : binding.credential === "session"
      ? app.requireSession
      : app.requireActor;

  const schema: Record<string, unknown> = {
    ...documented(useCase),
    ...(isPublic ? {} : { security: [{ bearer: [] }] }),
    response: {
      [success]: useCase.output,
      ...(binding.responses ?? {}),
      400: errorRef,
      ...(isPublic ? {} : { 401: errorRef, 403: errorRef }),
      404: errorRef,
      409: errorRef,
      422: errorRef,
      429: errorRef,
    },
  };
  if (inPath.length) schema["params"] = pick(input, inPath);
  if (inQuery.length) schema["querystring"] = pick(input, inQuery);
  if (headerFields.length) {
    const headers = Object.entries(binding.headers ?? {}) as [string, string][];
    schema["headers"] = {
      type: "object",
      properties: Object.fromEntries(headers.map(([field, header]) => [header, input.properties?.[field]])),
    };
  }
  if (inBody.length || input.oneOf || input.anyOf) {
    const combinators = {
      ...(input.oneOf ? { oneOf: input.oneOf } : {}),
      ...(input.anyOf ? { anyOf: input.anyOf } : {}),
    };
    schema["body"] = pick(input, inBody, { additionalProperties: false, ...combinators });
  }

  app.route({
    method: binding.method,
    url: binding.url,
    preHandler,
    schema,
    handler: async (request, reply) => {
      const values: Record<string, unknown> = {};
      const take = (source: unknown, keys: string[]) => {
        const from = (source ?? {}) as Record<string, unknown>;
        for (const k of keys) if (from[k] !== undefined) values[k] = from[k];
      };
      take(request.params, inPath);
      take(request.query, inQuery);
      take(request.body, inBody);
      for (const [field, header] of Object.entries(binding.headers ?? {}) as [string, string][]) {
        const value = request.headers[header];
        if (typeof value === "string") values[field] = value;
      }
      for (const [field, derive] of Object.entries(binding.derived ?? {}) as [
        string,
        (r: FastifyRequest) => unknown,
      ][]) {
        const value = derive(request);
        if (value !== undefined) values[field] = value;
      }
      const output = await callUseCase(
        deps,
        name,
        httpContext(request, binding.channel),
        values as InputOf<N>,
      );
      if (binding.send) return binding.send(reply, output, request);
      return reply.status(binding.status?.(output) ?? success).send(output);
    },
  });
}
