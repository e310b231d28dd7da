// /console/providers: the platform administrator's list of providers and the form that adds one; its first
// administrator is then invited from the provider's staff page.
import type { FastifyInstance, FastifyRequest } from "fastify";
import { format } from "../../../i18n/messages.ts";
import { AppError } from "../../../services/errors.ts";
import type { FieldError } from "../../web/views/components.ts";
import { fieldErrorsOf, formOf, seeOther } from "../../web/web-request.ts";
import { type ConsoleOptions, consoleCall, sendConsolePage, staffOf } from "../console-request.ts";
import { PROVIDERS } from "../messages/providers.ts";
import { type ProviderForm, providersBody } from "../views/providers-page.ts";

const FIELDS = ["code", "nameUk", "nameRu", "nameEn", "edrpou", "iban"] as const;

/** preHandler: the platform administrator's page; a provider's staff are told "forbidden". */
async function requirePlatformAdmin(request: FastifyRequest): Promise<void> {
  if (staffOf(request).kind !== "platform_admin") throw new AppError("forbidden");
}

export async function providersRoutes(app: FastifyInstance, opts: ConsoleOptions) {
  const { deps } = opts;
  const guard = { preHandler: requirePlatformAdmin, schema: { hide: true } };

  const send = async (
    request: FastifyRequest,
    reply: Parameters<typeof sendConsolePage>[1],
    form: ProviderForm,
    notice?: string,
    status = 200,
  ) => {
    const providers = await consoleCall(deps, request, "listAllProviders", {});
    return sendConsolePage(
      request,
      reply,
      (ctx) => ({
        title: format(PROVIDERS.title, ctx.locale),
        section: "providers",
        hasErrors: form.errors.length > 0,
        body: providersBody(ctx, providers, { form, ...(notice ? { notice } : {}) }),
      }),
      status,
    );
  };

  app.get("/console/providers", guard, async (request, reply) => {
    const q = request.query as Record<string, string | undefined>;
    const notice =
      q["done"] === "created"
        ? format(PROVIDERS.created, request.locale, { code: q["code"] ?? "" })
        : undefined;
    return send(request, reply, { values: {}, errors: [] }, notice);
  });

  app.post("/console/providers", guard, async (request, reply) => {
    const form = formOf(request);
    const values = Object.fromEntries(FIELDS.map((f) => [f, (form[f] ?? "").trim()])) as Record<
      (typeof FIELDS)[number],
      string
    >;
    const errors: FieldError[] = FIELDS.filter((f) => !values[f]).map((f) => ({
      field: f,
      message: format(PROVIDERS.missing, request.locale),
    }));
    if (errors.length) return send(request, reply, { values, errors }, undefined, 400);
    try {
      const created = await consoleCall(deps, request, "createProvider", {
        code: values.code.slice(0, 30),
        nameUk: values.nameUk.slice(0, 200),
        nameRu: values.nameRu.slice(0, 200),
        nameEn: values.nameEn.slice(0, 200),
        edrpou: values.edrpou.slice(0, 20),
        iban: values.iban.slice(0, 50),
      });
      return seeOther(reply, `/console/providers?done=created&code=${encodeURIComponent(created.code)}`);
    } catch (e) {
      const fieldErrors = fieldErrorsOf(
        e,
        request.locale,
        Object.fromEntries(FIELDS.map((f) => [f, f])),
        "code",
      );
      return send(
        request,
        reply,
        { values, errors: fieldErrors },
        undefined,
        (e as { status?: number }).status ?? 400,
      );
    }
  });
}
