// The built-in demo gateway's pages: the browser posts the signed checkout here (as it would to LiqPay's
// checkout), fills in a test card, and the demo gateway signs the callback with its keys and delivers it by a
// real HTTP POST to the app's own callback path, then sends the browser to result_url. Registered only when the
// demo gateway is on; otherwise these paths are 404.
import type { FastifyInstance, FastifyRequest } from "fastify";
import { kyivDateOf } from "../../../domain/kyiv-time.ts";
import { periodOf } from "../../../domain/period.ts";
import { type DemoCheckout, demoCallback, readDemoCheckout } from "../../../gateways/demo/demo-acquirer.ts";
import { DEMO_CHECKOUT_PATH, DEMO_PAY_PATH } from "../../../gateways/demo/demo-gateway.ts";
import { decideCard } from "../../../gateways/demo/test-cards.ts";
import { isLocale, type Locale } from "../../../i18n/locale.ts";
import type { Deps } from "../../../services/deps.ts";
import { cardFormPage, demoErrorPage } from "../pages/demo-gateway-pages.ts";

const CALLBACK_PATH = "/api/payments/demo/callback";

interface CheckoutFields {
  data?: string;
  signature?: string;
}
interface PayFields extends CheckoutFields {
  card_number?: string;
  expiry?: string;
  cvc?: string;
}

const field = { type: "string", maxLength: 60_000 } as const;
const checkoutSchema = {
  type: "object",
  properties: { data: field, signature: { type: "string", maxLength: 200 }, lang: { type: "string" } },
} as const;
const paySchema = {
  type: "object",
  properties: {
    ...checkoutSchema.properties,
    card_number: { type: "string", maxLength: 40 },
    expiry: { type: "string", maxLength: 10 },
    cvc: { type: "string", maxLength: 10 },
  },
} as const;

/** ?lang= wins, then the language the checkout asked for, then Accept-Language. */
function localeFor(request: FastifyRequest, checkout: DemoCheckout | null): Locale {
  const asked = (request.query as { lang?: unknown } | undefined)?.lang;
  return isLocale(asked) ? asked : (checkout?.language ?? request.locale);
}

/**
 * Posts the signed callback to the app's own callback path, as LiqPay's servers would: over HTTP to the address
 * this server listens on (behind a proxy, PUBLIC_URL may not be reachable from inside), or, when it is not
 * listening on a port (tests through inject), through the same route in process.
 */
async function deliver(
  request: FastifyRequest,
  fields: { data: string; signature: string },
): Promise<boolean> {
  const body = new URLSearchParams(fields).toString();
  const headers = { "content-type": "application/x-www-form-urlencoded" };
  const address = request.server.server.address();
  if (address && typeof address === "object") {
    const host = { "0.0.0.0": "127.0.0.1", "::": "::1" }[address.address] ?? address.address;
    const url = `http://${host.includes(":") ? `[${host}]` : host}:${address.port}${CALLBACK_PATH}`;
    try {
      const res = await fetch(url, { method: "POST", headers, body, signal: AbortSignal.timeout(15_000) });
      await res.arrayBuffer();
      return res.status === 200;
    } catch (err) {
      request.log.error({ err }, "demo gateway: callback delivery failed");
      return false;
    }
  }
  const res = await request.server.inject({ method: "POST", url: CALLBACK_PATH, headers, payload: body });
  return res.statusCode === 200;
}

export async function demoGatewayRoutes(app: FastifyInstance, opts: { deps: Deps }) {
  const showCheckout = (request: FastifyRequest, fields: CheckoutFields | undefined) => {
    const checkout = readDemoCheckout(fields ?? {});
    const locale = localeFor(request, checkout);
    return checkout
      ? { status: 200, html: cardFormPage(checkout, locale) }
      : { status: 400, html: demoErrorPage("bad_checkout", locale) };
  };

  app.post<{ Body: CheckoutFields | undefined }>(
    DEMO_CHECKOUT_PATH,
    { config: { page: true }, schema: { hide: true, body: checkoutSchema } },
    async (request, reply) => {
      const page = showCheckout(request, request.body);
      return reply
        .status(page.status)
        .type("text/html; charset=utf-8")
        .header("cache-control", "no-store")
        .send(page.html);
    },
  );

  // The same page from a link carrying the fields in its query (LiqPay's checkout takes both).
  app.get<{ Querystring: CheckoutFields }>(
    DEMO_CHECKOUT_PATH,
    { config: { page: true }, schema: { hide: true, querystring: checkoutSchema } },
    async (request, reply) => {
      const page = showCheckout(request, request.query);
      return reply
        .status(page.status)
        .type("text/html; charset=utf-8")
        .header("cache-control", "no-store")
        .send(page.html);
    },
  );

  app.post<{ Body: PayFields | undefined }>(
    DEMO_PAY_PATH,
    { config: { page: true }, schema: { hide: true, body: paySchema } },
    async (request, reply) => {
      reply.type("text/html; charset=utf-8").header("cache-control", "no-store");
      const body = request.body ?? {};
      const checkout = readDemoCheckout(body);
      const locale = localeFor(request, checkout);
      if (!checkout) return reply.status(400).send(demoErrorPage("bad_checkout", locale));
      const now = opts.deps.now();
      const input = { card: body.card_number ?? "", expiry: body.expiry ?? "", cvc: body.cvc ?? "" };
      const decision = decideCard(input, periodOf(kyivDateOf(now)));
      if (!decision.ok) {
        return reply.status(422).send(
          cardFormPage(checkout, locale, {
            card: input.card,
            expiry: input.expiry,
            problems: decision.problems,
          }),
        );
      }
      const delivered = await deliver(request, demoCallback(checkout, decision, now));
      const back = `${checkout.resultUrl}?lang=${locale}`;
      if (!delivered) return reply.status(502).send(demoErrorPage("delivery_failed", locale, back));
      return reply.redirect(back, 303);
    },
  );
}
