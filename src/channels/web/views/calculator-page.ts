// The calculator: a GET form (a read-only computation: bookmarkable, no token needed) and, below it, the result
// with its arithmetic line by line — the norm, each priced line, the fixed fee, the total.
import { groupDigits } from "../../../domain/decimal.ts";
import { numberSeparators } from "../../../domain/display-locale.ts";
import { formatUah, kop } from "../../../domain/money.ts";
import { parsePeriod } from "../../../domain/period.ts";
import { formatQuantity, quantityFromNumeric } from "../../../domain/quantity.ts";
import type { Locale } from "../../../i18n/locale.ts";
import { format } from "../../../i18n/messages.ts";
import { monthName } from "../../../services/documents/render/format.ts";
import type { OutputOf } from "../../../services/registry.ts";
import { type Html, html } from "../html.ts";
import { CALCULATOR } from "../messages/calculator.ts";
import {
  button,
  type Choice,
  errorFor,
  errorSummary,
  type FieldError,
  radios,
  select,
  textField,
} from "./components.ts";

export type Calculation = OutputOf<"calculateUtilityCost">;

export interface CalculatorForm {
  what?: string | undefined;
  settlement?: string | undefined;
  month?: string | undefined;
  basis?: string | undefined;
  area?: string | undefined;
  residents?: string | undefined;
  used?: string | undefined;
}

export interface CalculatorChoices {
  what: Choice[];
  settlements: Choice[];
  months: string[];
}

/** A decimal as the database or a person gives it ("1654.41", "0.01680"), in the reader's notation: "1 654,41". */
export function decimalText(text: string, locale: Locale, o: { minDecimals?: number } = {}): string {
  const [whole = "0", fraction = ""] = text.replace(",", ".").split(".");
  const sep = numberSeparators(locale);
  // Trailing zeros say nothing ("1654.410000" is 1 654,41), down to the decimals a price always shows.
  const frac = fraction.replace(/0+$/, "").padEnd(o.minDecimals ?? 0, "0");
  return `${groupDigits(whole.replace(/^0+(?=\d)/, ""), sep.group)}${frac ? `${sep.decimal}${frac}` : ""}`;
}

export function calculatorBody(
  locale: Locale,
  o: { form: CalculatorForm; choices: CalculatorChoices; errors: FieldError[]; result: Calculation | null },
): Html {
  const t = (key: keyof typeof CALCULATOR, params = {}) => format(CALCULATOR[key], locale, params);
  const { form, choices, errors } = o;
  if (choices.what.length === 0) return html`<h1>${t("title")}</h1><p>${t("noChoices")}</p>`;
  const fields = html`${select({
    id: "what",
    label: t("what"),
    choices: choices.what,
    value: form.what,
    error: errorFor(errors, "what"),
  })}
${select({
  id: "settlement",
  label: t("settlement"),
  choices: choices.settlements,
  value: form.settlement,
  error: errorFor(errors, "settlement"),
})}
${select({
  id: "month",
  label: t("month"),
  hint: t("monthHint"),
  choices: choices.months.map((m) => ({ value: m, label: monthName(parsePeriod(m), locale) })),
  value: form.month,
  error: errorFor(errors, "month"),
})}
${radios({
  id: "basis",
  legend: t("basis"),
  choices: [
    { value: "norm", label: t("basisNorm") },
    { value: "meter", label: t("basisMeter") },
  ],
  value: form.basis ?? "norm",
  error: errorFor(errors, "basis"),
})}
${textField({
  id: "area",
  label: t("area"),
  hint: t("areaHint"),
  value: form.area,
  inputmode: "decimal",
  short: true,
  spellcheck: false,
  error: errorFor(errors, "area"),
})}
${textField({
  id: "residents",
  label: t("residents"),
  hint: t("residentsHint"),
  value: form.residents,
  inputmode: "numeric",
  short: true,
  error: errorFor(errors, "residents"),
})}
${textField({
  id: "used",
  label: t("used"),
  hint: t("usedHint"),
  value: form.used,
  inputmode: "decimal",
  short: true,
  spellcheck: false,
  error: errorFor(errors, "used"),
})}
${button(t("submit"))}`;
  return html`${errorSummary(locale, errors)}
<h1>${t("title")}</h1>
<p class="lead">${t("lead")}</p>
<form method="get" action="/calculator" novalidate class="calculator">${fields}</form>
${o.result ? resultBlock(locale, o.result) : ""}`;
}

function resultBlock(locale: Locale, r: Calculation): Html {
  const t = (key: keyof typeof CALCULATOR, params = {}) => format(CALCULATOR[key], locale, params);
  const unit = t("unit", { unit: r.unit });
  const qty = (text: string) => `${formatQuantity(quantityFromNumeric(text), 3, locale)}${"\u00A0"}${unit}`;
  const uah = (k: number) => formatUah(kop(k), locale);
  const lines: Html[] = [];
  if (r.basis === "norm") {
    const base = r.areaM2 !== null ? `${decimalText(r.areaM2, locale, {})}\u00A0${t("perM2")}` : null;
    const normLine = (s: Calculation["normSteps"][number]) => {
      const perM2 = s.normPerM2 !== null;
      const norm = decimalText((perM2 ? s.normPerM2 : s.normPerResident) ?? "0", locale, {});
      const text = t("normLine", {
        base: perM2 ? (base ?? "") : t("persons", { n: r.residents ?? 0 }),
        norm,
        unit,
        per: perM2 ? t("perM2") : t("perPerson"),
      });
      return s.normDays === s.monthDays
        ? text
        : `${text} × ${t("days", { days: s.normDays, month: s.monthDays })}`;
    };
    if (r.normSteps.length === 1)
      lines.push(html`<li>${normLine(r.normSteps[0]!)} = ${qty(r.quantity)}</li>`);
    else {
      for (const s of r.normSteps) lines.push(html`<li>${normLine(s)}</li>`);
      lines.push(html`<li>${t("normTotal", { quantity: qty(r.quantity) })}</li>`);
    }
  } else {
    lines.push(html`<li>${t("expected", { quantity: qty(r.quantity) })}</li>`);
  }
  if (r.priceSteps.length === 0) lines.push(html`<li>${t("nothingUsed")}</li>`);
  for (const s of r.priceSteps) {
    const part = s.days === s.monthDays ? "" : t("partDays", { days: s.days, month: s.monthDays });
    lines.push(
      html`<li>${qty(s.quantity)} × ${decimalText(s.priceUah, locale, { minDecimals: 2 })}${"\u00A0"}${locale === "en" ? "UAH" : "грн"} = ${uah(s.amountKop)}${part}</li>`,
    );
  }
  if (r.fixedFeeKop !== 0) lines.push(html`<li>${t("fee", { amount: uah(r.fixedFeeKop) })}</li>`);
  const month = monthName(parsePeriod(r.period), locale);
  return html`<section class="card calc-result" aria-labelledby="calc-result-title">
<h2 id="calc-result-title">${t("result")}</h2>
<p>${t("resultFor", { service: r.serviceName[locale], settlement: r.settlement.name[locale], month })} — ${r.provider.name[locale]}</p>
<h3>${t("stepsCaption")}</h3>
<ol class="calc-steps">${lines}</ol>
<p class="calc-total">${t("total")}: <span class="amount" id="calc-total">${uah(r.totalKop)}</span></p>
<p class="hint">${t("note")}</p>
</section>`;
}
