// Security headers on every answer (helmet): a Content-Security-Policy that allows nothing but the
// pages' own inline style (by hash) and forms posted back to the app, so no page can be framed or run a script;
// nosniff; HSTS where the app is really served over HTTPS (production); and API answers, which hold personal
// data, never cached unless a route says otherwise. Helmet's middleware is built once: @fastify/helmet built it
// again for every request (parsing the policy each time): 4 % of the server's time under load.
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import helmet from "helmet";
import { PAGE_STYLE_SOURCE } from "../pages/html.ts";

export const securityHeadersPlugin = fp(
  async (app: FastifyInstance, opts: { production: boolean; checkoutOrigins?: readonly string[] }) => {
    const setHeaders = helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'none'"],
          // The cabinet's stylesheet and script come from the app itself; the gateway pages' inline style by hash.
          styleSrc: ["'self'", PAGE_STYLE_SOURCE],
          scriptSrc: ["'self'"],
          imgSrc: ["'self'"],
          // The console's billing run page follows its run by server-sent events (EventSource) from the app itself.
          connectSrc: ["'self'"],
          // The demo card page and the language switches post to the app itself; the cabinet's "continue to
          // payment" form posts to the card gateway's checkout (LiqPay's origin, when it is configured).
          formAction: ["'self'", ...(opts.checkoutOrigins ?? [])],
          frameAncestors: ["'none'"],
          baseUri: ["'none'"],
          ...(opts.production ? { upgradeInsecureRequests: [] } : {}),
        },
      },
      // On a developer's http://localhost, HSTS would be remembered by the browser for every local project.
      strictTransportSecurity: opts.production ? { maxAge: 31_536_000, includeSubDomains: true } : false,
      xFrameOptions: { action: "deny" },
      referrerPolicy: { policy: "no-referrer" },
    });
    app.addHook("onRequest", (request, reply, done) => {
      setHeaders(request.raw, reply.raw, (error?: unknown) => done(error as Error | undefined));
    });
    app.addHook("onSend", async (_request, reply, payload) => {
      if (!reply.hasHeader("cache-control")) reply.header("cache-control", "no-store");
      return payload;
    });
  },
);
