// Online payments: start one (the gateway's checkout form comes back), see how it stands, the gateways'
// server-to-server callbacks, and the page the gateway sends the resident back to. The built-in demo gateway's
// own pages are registered here too, only when it is on.
import type { FastifyInstance } from "fastify";
import { appAddress, type Config } from "../../../config.ts";
import type { ServiceCode } from "../../../db/tables/reference.table.ts";
import { MoneyFormatError, parseUah } from "../../../domain/money.ts";
import { configureGateways } from "../../../gateways/configure-gateways.ts";
import type { Deps } from "../../../services/deps.ts";
import { AppError } from "../../../services/errors.ts";
import type { PaymentDeps } from "../../../services/payments/gateway.ts";
import { paymentResult } from "../../../services/payments/payment-result.ts";
import { paymentStatus } from "../../../services/payments/payment-status.ts";
import { receivePaymentCallback } from "../../../services/payments/receive-payment-callback.ts";
import { startPayment } from "../../../services/payments/start-payment.ts";
import { invalidInput } from "../input-problem.ts";
import { html, page } from "../pages/html.ts";
import { paymentResultPage } from "../pages/payment-result-page.ts";
import { actorOf } from "../plugins/auth.ts";
import { idSchema } from "../schemas/common.ts";
import { demoGatewayRoutes } from "./demo-gateway.ts";

export type PaymentSettings = Partial<Pick<Config, "publicUrl" | "port" | "liqpay" | "demoGateway">>;

const errorResponse = { $ref: "Error#" } as const;
const security = [{ bearer: [] }];
const SERVICES = ["electricity", "cold_water", "hot_water", "gas", "heating", "sewerage"] as const;

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

const noStore = { "cache-control": "no-store", "referrer-policy": "no-referrer" };

export async function paymentRoutes(app: FastifyInstance, opts: { deps: Deps; settings: PaymentSettings }) {
  const appUrl = appAddress(opts.settings);
  const gateways = await configureGateways(opts.deps, opts.settings);
  const deps: PaymentDeps = { ...opts.deps, gateways };

  // Gateways post their callbacks, and browsers their forms, as application/x-www-form-urlencoded. Registered in
  // this plugin only: the rest of the API stays JSON.
  app.addContentTypeParser(
    "application/x-www-form-urlencoded",
    { parseAs: "string", bodyLimit: 65_536 },
    (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(body as string))),
  );

  app.post<{
    Params: { accountId: number };
    Body: { amount?: string; amountKop?: number; period?: string; service?: ServiceCode; gateway?: string };
  }>(
    "/api/accounts/:accountId/payments",
    {
      preHandler: app.requireActor,
      schema: {
        operationId: "startPayment",
        tags: ["payments"],
        summary: "Start paying an account online: the order, and the form to post to the card gateway",
        description:
          'Give the amount in hryvnias (amount, e.g. "1 234,56") or in kopiykas (amountKop), from 0.01 to 100,000 ' +
          "UAH; optionally the period (YYYY-MM, up to the coming month) and the service it pays. The answer's " +
          "checkout is an HTML form for the browser: POST its fields to its url (LiqPay's checkout page, or the " +
          "built-in demo gateway's). The gateway then calls back and the order's status follows (paymentStatus). A " +
          "resident reaches only their own accounts (anything else is 404). An Idempotency-Key header makes " +
          "retries return the same order. 503 payments_unavailable when no gateway is configured.",
        security,
        params: {
          type: "object",
          required: ["accountId"],
          properties: { accountId: idSchema },
        },
        headers: {
          type: "object",
          properties: { "idempotency-key": { type: "string", minLength: 1, maxLength: 200 } },
        },
        body: {
          type: "object",
          additionalProperties: false,
          properties: {
            amount: {
              type: "string",
              minLength: 1,
              maxLength: 20,
              description: 'Hryvnias: "123.45", "1 234,56"',
            },
            amountKop: { type: "integer", description: "Kopiykas" },
            period: { type: "string", pattern: "^[0-9]{4}-(0[1-9]|1[0-2])$", description: "YYYY-MM" },
            service: { type: "string", enum: SERVICES },
            gateway: {
              type: "string",
              pattern: "^[a-z][a-z0-9_]{0,30}$",
              description: "Default: the first enabled",
            },
          },
          oneOf: [{ required: ["amount"] }, { required: ["amountKop"] }],
        },
        response: {
          201: {
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
          401: errorResponse,
          404: errorResponse,
          422: errorResponse,
          503: errorResponse,
        },
      },
    },
    async (request, reply) => {
      const body = request.body;
      let amountKop = body.amountKop;
      if (amountKop === undefined) {
        try {
          amountKop = parseUah(body.amount ?? "");
        } catch (e) {
          if (!(e instanceof MoneyFormatError)) throw e;
          throw invalidInput({ field: "amount", in: "body", rule: "amount" });
        }
      }
      const result = await startPayment(deps, {
        actor: actorOf(request),
        accountId: request.params.accountId,
        amountKop,
        period: body.period,
        service: body.service,
        gateway: body.gateway,
        appUrl,
        locale: request.locale,
        idempotencyKey: request.headers["idempotency-key"] as string | undefined,
      });
      return reply.status(201).send(result);
    },
  );

  app.get<{ Params: { orderId: string } }>(
    "/api/payments/:orderId",
    {
      preHandler: app.requireActor,
      schema: {
        operationId: "paymentStatus",
        tags: ["payments"],
        summary: "How a payment order stands",
        description: "For whoever may see its account; anyone else gets 404.",
        security,
        params: {
          type: "object",
          required: ["orderId"],
          properties: { orderId: { type: "string", maxLength: 64 } },
        },
        response: {
          200: { type: "object", required: orderRequired, properties: orderProperties },
          401: errorResponse,
          404: errorResponse,
        },
      },
    },
    async (request) => paymentStatus(deps, { actor: actorOf(request), orderId: request.params.orderId }),
  );

  app.post<{ Params: { gateway: string }; Body: { data?: string; signature?: string } | string | undefined }>(
    "/api/payments/:gateway/callback",
    {
      schema: {
        operationId: "receivePaymentCallback",
        tags: ["payments"],
        summary: "A card gateway's server-to-server callback (LiqPay API v3: data and signature)",
        description:
          "Form-encoded (or JSON) data = base64(JSON) and signature = base64(sha1(private_key + data + private_key)). " +
          "200 when accepted (applied, or unchanged for a repeat: a payment is credited once per order); 400 with a " +
          "code when unsigned, forged, malformed, for an unknown order, or for another amount or currency. Every " +
          "callback is recorded.",
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
          200: {
            type: "object",
            required: ["outcome", "orderId", "status"],
            properties: {
              outcome: { type: "string", enum: ["applied", "unchanged"] },
              orderId: { type: "string" },
              status: orderProperties.status,
            },
          },
          400: errorResponse,
          404: errorResponse,
        },
      },
    },
    async (request) =>
      receivePaymentCallback(deps, {
        gateway: request.params.gateway,
        body: typeof request.body === "object" && request.body !== null ? request.body : {},
        remoteAddress: request.ip,
      }),
  );

  app.get<{ Params: { orderId: string } }>(
    "/payments/:orderId",
    {
      config: { page: true },
      schema: {
        hide: true,
        params: {
          type: "object",
          required: ["orderId"],
          properties: { orderId: { type: "string", maxLength: 64 } },
        },
      },
    },
    async (request, reply) => {
      reply.headers(noStore).type("text/html; charset=utf-8");
      try {
        const result = await paymentResult(deps, { orderId: request.params.orderId });
        return paymentResultPage(result, request.locale);
      } catch (e) {
        if (!(e instanceof AppError) || e.code !== "not_found") throw e;
        return reply.status(404).send(
          page({
            locale: request.locale,
            title: "404",
            body: html`<h1>${e.messageIn(request.locale)}</h1>`,
          }),
        );
      }
    },
  );

  if (gateways.has("demo")) await app.register(demoGatewayRoutes, { deps });
}
