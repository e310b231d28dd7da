// /console/partners: the platform administrator registers banks and terminal networks and grants each the providers
// it may serve; /console/partners/:code changes its settings, disables it, rotates and revokes its keys. A provider's
// staff are told these pages do not exist. A new secret is in the answer to its POST only (no redirect: a page that
// can be fetched again must never hold it), sent with no-store.
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { MoneyFormatError, parseUah } from "../../../domain/money.ts";
import type { Locale } from "../../../i18n/locale.ts";
import { format } from "../../../i18n/messages.ts";
import { AppError } from "../../../services/errors.ts";
import type { FieldError } from "../../web/views/components.ts";
import { fieldErrorsOf, formOf, seeOther } from "../../web/web-request.ts";
import { type ConsoleOptions, consoleCall, sendConsolePage, staffOf } from "../console-request.ts";
import { CONSOLE_PARTNERS } from "../messages/partners.ts";
import {
  formOfPartner,
  type NewKey,
  type PartnerForm,
  type PartnerFormValues,
  partnerBody,
  partnersBody,
} from "../views/partners-page.ts";

const CODE = /^[a-z][a-z0-9-]{1,29}$/;

/** The use cases' input names → the form's field ids, for a refusal that names its field. */
const INPUT_FIELDS: Record<string, string> = {
  code: "code",
  name: "name",
  providers: "providers",
  ipAllow: "ipAllow",
  ratePerMinute: "ratePerMinute",
  minPaymentKop: "minPayment",
  maxPaymentKop: "maxPayment",
  dailyLimitKop: "dailyLimit",
};

/** preHandler: the platform administrator's pages; to a provider's staff they do not exist. */
async function requirePlatformAdmin(request: FastifyRequest): Promise<void> {
  if (staffOf(request).kind !== "platform_admin") throw new AppError("not_found");
}

/** The register form's first values: the table's defaults (migration 0034). */
const EMPTY: PartnerFormValues = {
  code: "",
  name: "",
  providers: [],
  terminalProtocol: false,
  ipAllow: "",
  ratePerMinute: "600",
  minPayment: "1.00",
  maxPayment: "50000.00",
  dailyLimit: "10000000.00",
};

function valuesOf(form: Record<string, string>): PartnerFormValues {
  const field = (name: string) => (form[name] ?? "").trim();
  return {
    code: field("code"),
    name: field("name"),
    providers: Object.keys(form)
      .filter((k) => k.startsWith("provider-") && form[k] === "on")
      .map((k) => k.slice("provider-".length)),
    terminalProtocol: form["terminal-protocol"] === "on",
    ipAllow: (form["ipAllow"] ?? "").trim(),
    ratePerMinute: field("ratePerMinute"),
    minPayment: field("minPayment"),
    maxPayment: field("maxPayment"),
    dailyLimit: field("dailyLimit"),
  };
}

/** The settings as the use cases take them, or the form's errors, each tied to its field. */
function settingsOf(v: PartnerFormValues, locale: Locale, withCode: boolean) {
  const t = (key: keyof typeof CONSOLE_PARTNERS) => format(CONSOLE_PARTNERS[key], locale);
  const errors: FieldError[] = [];
  if (withCode && !v.code) errors.push({ field: "code", message: t("missing") });
  else if (withCode && !CODE.test(v.code)) errors.push({ field: "code", message: t("badCode") });
  if (!v.name) errors.push({ field: "name", message: t("missing") });
  const rate = /^\d{1,6}$/.test(v.ratePerMinute) ? Number(v.ratePerMinute) : Number.NaN;
  if (!(rate >= 1 && rate <= 100_000)) errors.push({ field: "ratePerMinute", message: t("badRate") });
  const amount = (id: "minPayment" | "maxPayment" | "dailyLimit"): number => {
    try {
      const k = parseUah(v[id]);
      if (k > 0) return k;
    } catch (e) {
      if (!(e instanceof MoneyFormatError)) throw e;
    }
    errors.push({ field: id, message: t(v[id] ? "badAmount" : "missing") });
    return 0;
  };
  const minPaymentKop = amount("minPayment");
  const maxPaymentKop = amount("maxPayment");
  const dailyLimitKop = amount("dailyLimit");
  if (minPaymentKop && maxPaymentKop && dailyLimitKop) {
    if (minPaymentKop > maxPaymentKop) errors.push({ field: "minPayment", message: t("badLimits") });
    else if (maxPaymentKop > dailyLimitKop) errors.push({ field: "maxPayment", message: t("badLimits") });
  }
  const settings = {
    name: v.name.slice(0, 200),
    providers: v.providers.slice(0, 200),
    terminalProtocol: v.terminalProtocol,
    ipAllow: v.ipAllow
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter(Boolean),
    ratePerMinute: rate,
    minPaymentKop,
    maxPaymentKop,
    dailyLimitKop,
  };
  return { settings, errors };
}

/** A use case's refusal as the form's error, on the field it names ("ipAllow.2" → ipAllow). */
function refusalOf(e: unknown, locale: Locale, fallback: string | null): FieldError[] {
  const [first] = fieldErrorsOf(e, locale, {}, fallback);
  const named = (e as AppError).details["field"];
  const input = typeof named === "string" ? named.split(".")[0]! : "";
  return [{ field: INPUT_FIELDS[input] ?? fallback, message: first?.message ?? "" }];
}

const statusOf = (e: unknown) => (e instanceof AppError ? e.status : 400);

export async function partnersConsoleRoutes(app: FastifyInstance, opts: ConsoleOptions) {
  const { deps } = opts;
  const guard = { preHandler: requirePlatformAdmin, schema: { hide: true } };

  const partnerOf = async (request: FastifyRequest) => {
    const code = (request.params as { code: string }).code;
    if (!CODE.test(code)) throw new AppError("not_found");
    const [partner] = await consoleCall(deps, request, "listPartners", { code });
    if (!partner) throw new AppError("not_found");
    return partner;
  };

  const sendList = async (
    request: FastifyRequest,
    reply: FastifyReply,
    form: PartnerForm,
    registered?: NewKey & { code: string },
    status = 200,
  ) => {
    const [partners, providers] = await Promise.all([
      consoleCall(deps, request, "listPartners", {}),
      consoleCall(deps, request, "listAllProviders", {}),
    ]);
    if (registered) reply.header("cache-control", "no-store");
    return sendConsolePage(
      request,
      reply,
      (ctx) => ({
        title: format(CONSOLE_PARTNERS.title, ctx.locale),
        section: "partners",
        hasErrors: form.errors.length > 0,
        body: partnersBody(ctx, partners, providers, { form, ...(registered ? { registered } : {}) }),
      }),
      status,
    );
  };

  const sendPartner = async (
    request: FastifyRequest,
    reply: FastifyReply,
    o: { form?: PartnerForm; notice?: string; newKey?: NewKey; status?: number },
  ) => {
    const [partner, providers] = await Promise.all([
      partnerOf(request),
      consoleCall(deps, request, "listAllProviders", {}),
    ]);
    if (o.newKey) reply.header("cache-control", "no-store");
    const form = o.form ?? { values: formOfPartner(partner), errors: [] };
    return sendConsolePage(
      request,
      reply,
      (ctx) => ({
        title: format(CONSOLE_PARTNERS.partnerTitle, ctx.locale, { name: partner.name }),
        section: "partners",
        hasErrors: form.errors.length > 0,
        body: partnerBody(ctx, partner, providers, {
          form,
          ...(o.notice ? { notice: o.notice } : {}),
          ...(o.newKey ? { newKey: o.newKey } : {}),
        }),
      }),
      o.status ?? 200,
    );
  };

  app.get("/console/partners", guard, async (request, reply) =>
    sendList(request, reply, { values: EMPTY, errors: [] }),
  );

  app.post("/console/partners", guard, async (request, reply) => {
    const values = valuesOf(formOf(request));
    const { settings, errors } = settingsOf(values, request.locale, true);
    if (errors.length) return sendList(request, reply, { values, errors }, undefined, 400);
    try {
      const created = await consoleCall(deps, request, "registerPartner", { code: values.code, ...settings });
      return sendList(request, reply, { values: EMPTY, errors: [] }, { ...created, code: created.code });
    } catch (e) {
      return sendList(
        request,
        reply,
        { values, errors: refusalOf(e, request.locale, "code") },
        undefined,
        statusOf(e),
      );
    }
  });

  app.get("/console/partners/:code", guard, async (request, reply) => {
    const done = (request.query as Record<string, string | undefined>)["done"];
    const notice =
      done === "saved" || done === "disabled" || done === "enabled"
        ? format(
            CONSOLE_PARTNERS[
              done === "saved" ? "saved" : done === "disabled" ? "disabledNotice" : "enabledNotice"
            ],
            request.locale,
          )
        : done === "revoked"
          ? format(CONSOLE_PARTNERS.revoked, request.locale, {
              keyId: (request.query as Record<string, string | undefined>)["key"] ?? "",
            })
          : undefined;
    return sendPartner(request, reply, notice ? { notice } : {});
  });

  app.post("/console/partners/:code", guard, async (request, reply) => {
    const partner = await partnerOf(request);
    const values = { ...valuesOf(formOf(request)), code: partner.code };
    const { settings, errors } = settingsOf(values, request.locale, false);
    if (errors.length) return sendPartner(request, reply, { form: { values, errors }, status: 400 });
    try {
      await consoleCall(deps, request, "updatePartner", { code: partner.code, ...settings });
      return seeOther(reply, `/console/partners/${partner.code}?done=saved`);
    } catch (e) {
      const refused = refusalOf(e, request.locale, "name");
      return sendPartner(request, reply, { form: { values, errors: refused }, status: statusOf(e) });
    }
  });

  app.post("/console/partners/:code/state", guard, async (request, reply) => {
    const partner = await partnerOf(request);
    const disabled = formOf(request)["disabled"] === "yes";
    await consoleCall(deps, request, "updatePartner", { code: partner.code, disabled });
    return seeOther(reply, `/console/partners/${partner.code}?done=${disabled ? "disabled" : "enabled"}`);
  });

  app.post("/console/partners/:code/rotate", guard, async (request, reply) => {
    const partner = await partnerOf(request);
    const key = await consoleCall(deps, request, "rotatePartnerKey", { code: partner.code });
    return sendPartner(request, reply, { newKey: key });
  });

  app.post("/console/partners/:code/revoke", guard, async (request, reply) => {
    const partner = await partnerOf(request);
    const keyId = (formOf(request)["keyId"] ?? "").trim();
    if (!partner.keys.some((k) => k.keyId === keyId)) throw new AppError("not_found");
    await consoleCall(deps, request, "revokePartnerKey", { code: partner.code, keyId });
    return seeOther(reply, `/console/partners/${partner.code}?done=revoked&key=${encodeURIComponent(keyId)}`);
  });
}
