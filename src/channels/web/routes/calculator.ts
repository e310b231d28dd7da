// /calculator: what a month of heating or hot water costs at the live tariffs. A GET form — a computation that
// changes nothing — so the answer is bookmarkable and needs no token; open to visitors too, as the tariffs are
// public (the use case is "public"). The fields are checked here first, so each error stands beside its field.
import type { FastifyInstance } from "fastify";
import { kyivDateOf } from "../../../domain/kyiv-time.ts";
import { addPeriods, type Period, parsePeriod, periodOf } from "../../../domain/period.ts";
import type { Locale } from "../../../i18n/locale.ts";
import { format } from "../../../i18n/messages.ts";
import { CALCULATOR } from "../messages/calculator.ts";
import {
  type Calculation,
  type CalculatorChoices,
  type CalculatorForm,
  calculatorBody,
} from "../views/calculator-page.ts";
import type { FieldError } from "../views/components.ts";
import { type CabinetOptions, fieldErrorsOf, sendPage, webCall } from "../web-request.ts";

/** The services the cabinet's calculator is for (the use case prices any). */
const SERVICES = new Set(["heating", "hot_water"]);
const AREA = /^\d{1,5}(?:[.,]\d{1,2})?$/;
const RESIDENTS = /^\d{1,3}$/;
const USED = /^\d{1,9}(?:[.,]\d{1,3})?$/;

type Choices = Awaited<ReturnType<typeof loadChoices>>;

async function loadChoices(
  opts: CabinetOptions,
  request: Parameters<typeof webCall>[1],
  locale: Locale,
  asked: string | undefined,
) {
  const providers = await webCall(opts.deps, request, "listCalculatorChoices", {});
  const offers = providers.flatMap((p) =>
    p.services
      .filter((s) => SERVICES.has(s.service))
      .map((s) => ({ value: `${p.code}:${s.service}`, provider: p, service: s })),
  );
  const towns = new Map<string, string>();
  for (const o of offers) for (const s of o.service.settlements) towns.set(s.code, s.name[locale]);
  // Last month (to compare with the last bill), this month and the next eleven; a month asked for by the address
  // is offered too.
  const now = periodOf(kyivDateOf(opts.deps.now()));
  const months: string[] = Array.from({ length: 13 }, (_, i) => addPeriods(now, i - 1));
  if (asked && isPeriod(asked) && !months.includes(asked)) months.unshift(asked);
  const view: CalculatorChoices = {
    what: offers.map((o) => ({
      value: o.value,
      label: format(CALCULATOR.whatOption, locale, {
        service: o.service.name[locale],
        provider: o.provider.name[locale],
      }),
    })),
    settlements: [...towns]
      .sort((a, b) => a[1].localeCompare(b[1], locale))
      .map(([value, label]) => ({ value, label })),
    months,
  };
  return { offers, view, now };
}

function isPeriod(text: string): text is Period {
  try {
    parsePeriod(text);
    return /^\d{4}-\d{2}$/.test(text);
  } catch {
    return false;
  }
}

/** The form's own checks, each error at its field. */
function check(form: CalculatorForm, choices: Choices, locale: Locale): FieldError[] {
  const t = (key: keyof typeof CALCULATOR) => format(CALCULATOR[key], locale);
  const errors: FieldError[] = [];
  const offer = choices.offers.find((o) => o.value === form.what);
  if (!offer) errors.push({ field: "what", message: t("chooseWhat") });
  if (!choices.view.settlements.some((s) => s.value === form.settlement))
    errors.push({ field: "settlement", message: t("chooseSettlement") });
  if (!form.month || !choices.view.months.includes(form.month))
    errors.push({ field: "month", message: t("chooseMonth") });
  if (form.basis !== "norm" && form.basis !== "meter")
    errors.push({ field: "basis", message: t("chooseBasis") });
  const normKind = offer?.service.normKind ?? null;
  if (form.basis === "norm" && normKind === "per_m2") {
    const area = form.area ?? "";
    if (!area) errors.push({ field: "area", message: t("areaMissing") });
    else if (!AREA.test(area) || /^[0.,]+$/.test(area))
      errors.push({ field: "area", message: t("areaInvalid") });
  }
  if (form.basis === "norm" && normKind === "per_resident") {
    const n = form.residents ?? "";
    if (!n) errors.push({ field: "residents", message: t("residentsMissing") });
    else if (!RESIDENTS.test(n) || Number(n) < 1 || Number(n) > 100)
      errors.push({ field: "residents", message: t("residentsInvalid") });
  }
  if (form.basis === "meter") {
    const used = form.used ?? "";
    if (!used) errors.push({ field: "used", message: t("usedMissing") });
    else if (!USED.test(used)) errors.push({ field: "used", message: t("usedInvalid") });
  }
  return errors;
}

export async function calculatorRoutes(app: FastifyInstance, opts: CabinetOptions) {
  app.get("/calculator", { schema: { hide: true } }, async (request, reply) => {
    const locale = request.locale;
    const query = request.query as Record<string, unknown>;
    const text = (name: string) => {
      const v = query[name];
      return typeof v === "string" ? v.trim() : undefined;
    };
    const choices = await loadChoices(opts, request, locale, text("month"));
    const asked = text("what") !== undefined;
    const form: CalculatorForm = {
      what: text("what"),
      settlement: text("settlement"),
      month: text("month") ?? choices.now,
      basis: text("basis"),
      area: text("area"),
      residents: text("residents"),
      used: text("used"),
    };
    const page = (errors: FieldError[], result: Calculation | null, status = 200) =>
      sendPage(
        request,
        reply,
        {
          title: format(CALCULATOR.title, locale),
          section: "calculator",
          hasErrors: errors.length > 0,
          body: calculatorBody(locale, { form, choices: choices.view, errors, result }),
        },
        status,
      );
    if (!asked) return page([], null);
    const errors = check(form, choices, locale);
    if (errors.length) return page(errors, null, 400);
    const [provider, service] = form.what!.split(":") as [string, "heating" | "hot_water"];
    try {
      const result = await webCall(opts.deps, request, "calculateUtilityCost", {
        provider,
        service,
        settlement: form.settlement!,
        period: form.month!,
        basis: form.basis as "norm" | "meter",
        ...(form.basis === "norm" && form.area ? { areaM2: form.area } : {}),
        ...(form.basis === "norm" && form.residents ? { residents: Number(form.residents) } : {}),
        ...(form.basis === "meter" ? { used: form.used! } : {}),
      });
      return page([], result);
    } catch (e) {
      const refused = fieldErrorsOf(
        e,
        locale,
        {
          provider: "what",
          settlement: "settlement",
          period: "month",
          basis: "basis",
          areaM2: "area",
          residents: "residents",
          used: "used",
        },
        "what",
      );
      return page(refused, null, (e as { status?: number }).status ?? 422);
    }
  });
}
