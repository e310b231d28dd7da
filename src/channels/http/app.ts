// The HTTP application: plugins first, then one route module per area. Stateless: all state is in the database.
import swagger from "@fastify/swagger";
import Fastify, { type FastifyBaseLogger, type FastifyInstance, LogController } from "fastify";
import type { Config } from "../../config.ts";
import { LIQPAY_CHECKOUT_URL } from "../../gateways/liqpay/liqpay-gateway.ts";
import { createLogger } from "../../logging.ts";
import { withConfigured } from "../../services/compose.ts";
import type { Deps } from "../../services/deps.ts";
import { botsPlugin } from "../bots/bots-plugin.ts";
import { partnerRoutes } from "../partners/partner-routes.ts";
import { smsWebhookRoutes } from "../sms/sms-webhook.ts";
import { pbxRoutes } from "../voice/pbx-routes.ts";
import { cabinetRoutes } from "../web/cabinet.ts";
import { clientErrorHandler, frameworkErrors } from "./client-errors.ts";
import { authPlugin } from "./plugins/auth.ts";
import { errorsPlugin } from "./plugins/errors.ts";
import { inputGuardPlugin } from "./plugins/input-guard.ts";
import { localePlugin } from "./plugins/locale.ts";
import { requestLogPlugin } from "./plugins/request-log.ts";
import { securityHeadersPlugin } from "./plugins/security-headers.ts";
import { accountSearchRoutes } from "./routes/account-search.ts";
import { accountViewRoutes } from "./routes/account-view.ts";
import { accountRoutes } from "./routes/accounts.ts";
import { apiTokenRoutes, apiTokenSchemas } from "./routes/api-tokens.ts";
import { billingRoutes, billingSchemas } from "./routes/billing.ts";
import { billingConsoleApiRoutes } from "./routes/billing-console.ts";
import { conversationRoutes } from "./routes/conversations.ts";
import { devOutboxRoutes } from "./routes/dev-outbox.ts";
import { documentRoutes } from "./routes/documents.ts";
import { estimateRoutes, estimateSchemas } from "./routes/estimates.ts";
import { healthRoutes, healthSchema } from "./routes/health.ts";
import { identityRoutes } from "./routes/identity.ts";
import { moneyRoutes } from "./routes/money.ts";
import { paymentRegistryRoutes, paymentRegistrySchemas } from "./routes/payment-registries.ts";
import { paymentRoutes, paymentSchemas } from "./routes/payments.ts";
import { providerSettingsRoutes } from "./routes/provider-settings.ts";
import { providerRoutes } from "./routes/providers.ts";
import { readingRoutes } from "./routes/readings.ts";
import { reviewQueueRoutes } from "./routes/review-queues.ts";
import { sessionRoutes, sessionSchemas } from "./routes/session.ts";
import { staffAccessRoutes } from "./routes/staff-access.ts";
import { statisticsRoutes } from "./routes/statistics.ts";
import { windowAndTariffRoutes } from "./routes/windows.ts";
import { readingSchemas } from "./schemas/readings.ts";

export interface AppOptions {
  deps: Deps;
  config: Pick<Config, "logLevel" | "production"> &
    Partial<
      Pick<
        Config,
        | "trustProxy"
        | "port"
        | "publicUrl"
        | "liqpay"
        | "demoGateway"
        | "staffTwoFactor"
        | "smsWebhookSecret"
        | "telegram"
        | "viber"
        | "messenger"
        | "botApiBases"
        | "voice"
      >
    >;
  /** Tests pass false to keep output quiet, or a logger of their own. */
  logger?: false | FastifyBaseLogger;
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  // Deps from `abonent serve` are composed already; tests hand bare ones, completed from their configuration.
  const deps = await withConfigured(options.deps, options.config);
  const app = Fastify({
    ...(options.logger === false
      ? { logger: false }
      : { loggerInstance: options.logger ?? deps.log ?? createLogger(options.config) }),
    // Fastify's two lines per request become one of our own (plugins/request-log.ts).
    logController: new LogController({ disableRequestLogging: true }),
    // Only behind a proxy we run: otherwise a client could forge X-Forwarded-For to dodge per-address limits.
    trustProxy: options.config.trustProxy ?? false,
    // Request ids make one resident's trouble findable across processes behind a load balancer.
    genReqId: () => crypto.randomUUID(),
    // verbose: each error carries its schema, so a message can name what a oneOf wanted (input-problem.ts).
    ajv: {
      customOptions: { removeAdditional: false, coerceTypes: "array", allErrors: false, verbose: true },
    },
    frameworkErrors,
    clientErrorHandler,
  });
  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Abonent API",
        version: "1.0.0",
        description:
          "Meter readings, accounts and windows for residents, their home-automation tools (personal API tokens) " +
          "providers' staff and administrators (billing runs). Errors are { error: { code, message, details } } with the message in the " +
          "language of Accept-Language (uk, ru, en); a refused input is 400 validation_failed with details { field, in, rule }.",
      },
      components: {
        securitySchemes: {
          bearer: {
            type: "http",
            scheme: "bearer",
            description: "A session token from signIn, or a personal API token",
          },
        },
      },
    },
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => String(json.$id ?? `def-${i}`) },
  });
  await app.register(requestLogPlugin, { production: options.config.production });
  await app.register(securityHeadersPlugin, {
    production: options.config.production,
    checkoutOrigins: deps.gateways?.has("liqpay") ? [new URL(LIQPAY_CHECKOUT_URL).origin] : [],
  });
  app.addSchema(healthSchema);
  for (const schema of readingSchemas) app.addSchema(schema);
  for (const schema of [...sessionSchemas, ...apiTokenSchemas, ...billingSchemas, ...estimateSchemas])
    app.addSchema(schema);
  await app.register(localePlugin);
  await app.register(errorsPlugin);
  await app.register(inputGuardPlugin);
  await app.register(authPlugin, { deps });
  await app.register(healthRoutes, { deps });
  await app.register(readingRoutes, { deps });
  await app.register(accountRoutes, { deps });
  await app.register(accountSearchRoutes, { deps });
  await app.register(accountViewRoutes, { deps });
  await app.register(moneyRoutes, { deps });
  await app.register(sessionRoutes, { deps });
  await app.register(identityRoutes, { deps });
  await app.register(devOutboxRoutes, { deps });
  await app.register(apiTokenRoutes, { deps });
  await app.register(billingRoutes, { deps });
  await app.register(billingConsoleApiRoutes, { deps });
  await app.register(estimateRoutes, { deps });
  for (const schema of [...paymentRegistrySchemas, ...paymentSchemas]) app.addSchema(schema);
  await app.register(paymentRegistryRoutes, { deps });
  await app.register(documentRoutes, { deps });
  await app.register(paymentRoutes, { deps });
  await app.register(providerRoutes, { deps });
  await app.register(reviewQueueRoutes, { deps });
  await app.register(providerSettingsRoutes, { deps });
  await app.register(staffAccessRoutes, { deps });
  await app.register(windowAndTariffRoutes, { deps });
  await app.register(statisticsRoutes, { deps });
  await app.register(conversationRoutes, { deps });
  await app.register(smsWebhookRoutes, { deps, secret: options.config.smsWebhookSecret });
  await app.register(pbxRoutes, { deps, key: options.config.voice?.pbxKey });
  await app.register(partnerRoutes, { deps });
  await app.register(cabinetRoutes, {
    deps,
    production: options.config.production,
    staffTwoFactor: options.config.staffTwoFactor ?? "required",
  });
  await app.register(botsPlugin, {
    deps,
    settings: {
      telegram: options.config.telegram,
      viber: options.config.viber,
      messenger: options.config.messenger,
      botApiBases: options.config.botApiBases,
    },
  });
  app.get("/api/openapi.json", { schema: { hide: true } }, async () => app.swagger());
  return app;
}
