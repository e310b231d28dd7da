// One log line per request, after it is answered: method, path (no query string: it may carry personal data),
// status and time. At info in production; at debug in development, where they would drown what a developer is
// looking at, and always at debug for /health, which load balancers poll every few seconds.
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";

export const requestLogPlugin = fp(async (app: FastifyInstance, opts: { production: boolean }) => {
  app.addHook("onResponse", async (request, reply) => {
    const quiet = !opts.production || request.routeOptions.url === "/health";
    const level = quiet ? "debug" : "info";
    request.log[level](
      {
        method: request.method,
        path: request.url.split("?")[0],
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime),
      },
      "request",
    );
  });
});
