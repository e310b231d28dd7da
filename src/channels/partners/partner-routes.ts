// The partners' JSON API (docs/partners.md): one route per partner use case, signed, under /api/partners/v1, and
// its own OpenAPI 3.1 document at /api/partners/openapi.json. A route gathers the input from its path, query or
// body and calls the registry as the signed partner; the use case checks everything else.
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Deps } from "../../services/deps.ts";
import { callUseCase, type InputOf, type OutputOf, type UseCaseName } from "../../services/registry.ts";
import { partnerOpenApi } from "./partner-openapi.ts";
import { partnerContext, signedRequests } from "./signed-request.ts";
import { terminalRoutes } from "./terminal-routes.ts";

export const PARTNER_PREFIX = "/api/partners/v1";

export interface PartnerRoute<N extends UseCaseName = UseCaseName> {
  method: "GET" | "POST";
  /** Below PARTNER_PREFIX, with :params. */
  url: string;
  useCase: N;
  /** Where the input comes from besides the path: the query string (GET) or the JSON body (POST). */
  from: "query" | "body";
  /** The status of a success: 201 when something was made, else 200. */
  status?: (output: OutputOf<N>) => number;
  /** Sends the output some other way than JSON (a CSV file, an XML answer). */
  send?: (reply: FastifyReply, output: OutputOf<N>) => unknown;
  /** The input field a text body (a CSV file) fills, as the text it is; the rest then comes from the query. */
  textBody?: string;
}

const route = <N extends UseCaseName>(r: PartnerRoute<N>) => r as unknown as PartnerRoute;

export const PARTNER_ROUTES: PartnerRoute[] = [
  route({ method: "GET", url: "/accounts/lookup", useCase: "partnerLookup", from: "query" }),
  route({
    method: "POST",
    url: "/payments",
    useCase: "partnerPay",
    from: "body",
    status: (o) => (o.created ? 201 : 200),
  }),
  route({ method: "GET", url: "/payments/:txnId", useCase: "partnerPaymentStatus", from: "query" }),
  route({ method: "POST", url: "/payments/:txnId/cancel", useCase: "partnerCancelPayment", from: "body" }),
  route({
    method: "POST",
    url: "/readings",
    useCase: "partnerSubmitReading",
    from: "body",
    status: (o) => (o.status === "accepted" && !o.unchanged ? 201 : 200),
  }),
  route({
    method: "GET",
    url: "/registry",
    useCase: "partnerDayRegistry",
    from: "query",
    send: (reply, o) =>
      reply
        .type("text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="${o.fileName}"`)
        .send(o.csv),
  }),
  route({
    method: "POST",
    url: "/reconciliations",
    useCase: "partnerReconcile",
    from: "query",
    textBody: "content",
    status: () => 201,
  }),
];

function inputOf(request: FastifyRequest, r: PartnerRoute): Record<string, unknown> {
  const source = r.from === "query" ? request.query : request.body;
  const fields = source && typeof source === "object" ? { ...(source as Record<string, unknown>) } : {};
  if (r.textBody) fields[r.textBody] = typeof request.body === "string" ? request.body : "";
  return { ...fields, ...(request.params as Record<string, unknown>) };
}

export async function partnerRoutes(app: FastifyInstance, opts: { deps: Deps }): Promise<void> {
  const { deps } = opts;
  app.get("/api/partners/openapi.json", { schema: { hide: true } }, async () =>
    partnerOpenApi(PARTNER_ROUTES),
  );
  await app.register(
    async (v1) => {
      signedRequests(v1, deps);
      for (const r of PARTNER_ROUTES) {
        v1.route({
          method: r.method,
          url: r.url,
          schema: { hide: true },
          handler: async (request, reply) => {
            const output = await callUseCase(
              deps,
              r.useCase,
              partnerContext(request, "api"),
              inputOf(request, r) as InputOf<typeof r.useCase>,
            );
            if (r.send) return r.send(reply, output);
            return reply.status(r.status?.(output) ?? 200).send(output);
          },
        });
      }
      terminalRoutes(v1, deps);
    },
    { prefix: PARTNER_PREFIX },
  );
}
