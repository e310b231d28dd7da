// The HTTP application: plugins first, then one route module per area. Stateless: all state is in the database.
import Fastify, { type FastifyInstance } from "fastify";
import type { Config } from "../../config.ts";
import type { Deps } from "../../services/deps.ts";
import { errorsPlugin } from "./plugins/errors.ts";
import { localePlugin } from "./plugins/locale.ts";
import { healthRoutes, healthSchema } from "./routes/health.ts";

export interface AppOptions {
  deps: Deps;
  config: Pick<Config, "logLevel" | "production">;
  /** Tests pass false to keep output quiet. */
  logger?: boolean;
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger === false ? false : { level: options.config.logLevel },
    trustProxy: true,
    // Request ids make one resident's trouble findable across processes behind a load balancer.
    genReqId: () => crypto.randomUUID(),
  });
  app.addSchema(healthSchema);
  await app.register(localePlugin);
  await app.register(errorsPlugin);
  await app.register(healthRoutes, { deps: options.deps });
  return app;
}
