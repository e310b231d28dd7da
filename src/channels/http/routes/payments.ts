// Online payments: start one (the gateway's checkout form comes back), see how it stands, and the gateways'
// server-to-server callbacks. The page the gateway sends the resident back to is the cabinet's (web/routes/
// pay.ts). The built-in demo gateway's own pages are registered here too, only when it is on.
import type { FastifyInstance } from "fastify";
import type { Deps } from "../../../services/deps.ts";
import { callUseCase, useCases } from "../../../services/registry.ts";
import { documented, httpContext, routeUseCase } from "../use-case-route.ts";
import { demoGatewayRoutes } from "./demo-gateway.ts";

const errorResponse = { $ref: "Error#" } as const;

const orderProperties = {
  orderId: { type: "string", format: "uuid" },
  accountId: { type: "integer" },
  providerId: { type: "integer" },
  gateway: { type: "string", description: '"liqpay", "demo"' },
  status: {
    type: "string",
    enum: ["created", "processing", "success", "failure", "reversed"],
    description: "success: paid and credited to the account; reversed: the money went back to the card",
  },
  amountKop: { type: "integer", description: "Kopiykas" },
  amount: { type: "string", description: 'Hryvnias, "1234.56"' },
  currency: { type: "string", enum: ["UAH"] },
  period: { type: ["string", "null"], description: "YYYY-MM, or null: the oldest debt is paid first" },
  service: { type: ["string", "null"] },
  createdAt: { type: "string", format: "date-time" },
  paidAt: { type: ["string", "null"], format: "date-time" },
  reversedAt: { type: ["string", "null"], format: "date-time" },
} as const;
const orderRequired = Object.keys(orderProperties);

export async function paymentRoutes(app: FastifyInstance, opts: { deps: Deps }) {
  const { deps } = opts;

  // Gateways post their callbacks, and browsers their forms, as application/x-www-form-urlencoded. Registered in
  // this plugin only: the rest of the API stays JSON.
  app.addContentTypeParser(
    "application/x-www-form-urlencoded",
    { parseAs: "string", bodyLimit: 65_536 },
    (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(body as string))),
  );

  routeUseCase(app, deps, "startPayment", {
    method: "POST",
    url: "/api/accounts/:accountId/payments",
    headers: { idempotencyKey: "idempotency-key" },
    success: 201,
    responses: { 503: errorResponse },
  });
  routeUseCase(app, deps, "paymentStatus", { method: "GET", url: "/api/payments/:orderId" });

  app.post<{ Params: { gateway: string }; Body: { data?: string; signature?: string } | string | undefined }>(
    "/api/payments/:gateway/callback",
    {
      schema: {
        ...documented(useCases.receivePaymentCallback),
        consumes: ["application/x-www-form-urlencoded", "application/json"],
        params: {
          type: "object",
          required: ["gateway"],
          properties: { gateway: { type: "string", maxLength: 32 } },
        },
        // Any body: even an empty or a plain-text one is a callback received, refused as unsigned and recorded.
        body: {
          anyOf: [
            {
              type: "object",
              properties: {
                data: { type: "string", maxLength: 60_000 },
                signature: { type: "string", maxLength: 200 },
              },
            },
            { type: "string", maxLength: 65_536 },
          ],
        },
        response: {
          200: { $ref: "PaymentCallbackResult#" },
          400: errorResponse,
          404: errorResponse,
        },
      },
    },
    // Any body is a callback received: the use case checks its signature and records it.
    async (request) =>
      callUseCase(deps, "receivePaymentCallback", httpContext(request), {
        gateway: request.params.gateway,
        body: typeof request.body === "object" && request.body !== null ? request.body : {},
        remoteAddress: request.ip,
      }),
  );

  if (deps.gateways?.has("demo")) await app.register(demoGatewayRoutes, { deps });
}

export const paymentSchemas = [
  { $id: "PaymentOrder", type: "object", required: orderRequired, properties: orderProperties },
  {
    $id: "StartedPayment",
    type: "object",
    required: [...orderRequired, "checkout"],
    properties: {
      ...orderProperties,
      checkout: {
        type: "object",
        required: ["url", "method", "fields"],
        properties: {
          url: { type: "string" },
          method: { type: "string", enum: ["POST"] },
          fields: {
            type: "object",
            additionalProperties: { type: "string" },
            description: "For LiqPay and the demo gateway: data and signature",
          },
        },
      },
    },
  },
  {
    $id: "PaymentCallbackResult",
    type: "object",
    required: ["outcome", "orderId", "status"],
    properties: {
      outcome: { type: "string", enum: ["applied", "unchanged"] },
      orderId: { type: "string" },
      status: orderProperties.status,
    },
  },
] as const;
