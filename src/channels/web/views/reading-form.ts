// A meter's reading form, shared by the resident's readings page and the operator's account page: a field per
// zone (with the last value as a hint), a hidden idempotency key so a double submit is answered once, and the
// "these figures are unusually high, are they right?" step that sends them again with confirmed=true. Each page
// gives the address the form posts to.
import { randomUUID } from "node:crypto";
import { zoneName } from "../../../i18n/format.ts";
import type { Locale } from "../../../i18n/locale.ts";
import { format } from "../../../i18n/messages.ts";
import { decimalText } from "../../../services/documents/render/format.ts";
import type { MeterView } from "../../../services/readings/list-account-meters.ts";
import { type Html, html } from "../html.ts";
import { READINGS } from "../messages/readings.ts";
import { unitName } from "./account-facts.ts";
import { button, errorFor, type FieldError, postForm, textField } from "./components.ts";
import type { PageContext } from "./page-context.ts";

/** What the last form sent for one meter, and how the service answered, to draw it again in place. */
export interface MeterFormState {
  meterId: number;
  values: Record<number, string>;
  errors: FieldError[];
  /** The service asked to confirm: the use these figures show, per zone. */
  confirm?: { used: string };
}

export const zoneFieldId = (meterId: number, zone: number) => `m${meterId}-z${zone}`;

export const zonesOf = (m: Pick<MeterView, "zones">) => Array.from({ length: m.zones }, (_, i) => i + 1);

export function zoneFields(m: MeterView, state: MeterFormState | null, locale: Locale): Html {
  const unit = unitName(m.service, locale);
  const fields = zonesOf(m).map((zone) => {
    const last = m.lastReadings.find((r) => r.zone === zone);
    const id = zoneFieldId(m.id, zone);
    return textField({
      id,
      name: `zone${zone}`,
      label:
        m.zones > 1
          ? format(READINGS.zoneField, locale, { zone: zoneName(m.zones, zone, locale), unit })
          : format(READINGS.singleField, locale, { unit }),
      hint: last
        ? format(READINGS.fieldHint, locale, { decimals: m.decimals, last: decimalText(last.value, locale) })
        : format(READINGS.fieldHintFirst, locale, { decimals: m.decimals }),
      value: state?.values[zone],
      inputmode: "decimal",
      autocomplete: "off",
      spellcheck: false,
      short: true,
      error: state ? errorFor(state.errors, id) : undefined,
    });
  });
  if (m.zones === 1) return html`${fields}`;
  return html`<fieldset class="zones"><legend>${format(READINGS.zonesLegend, locale, { serial: m.serial, unit })}</legend>${fields}</fieldset>`;
}

/** The meter and a fresh idempotency key: the same form sent twice is one reading. */
export function hiddenBase(m: Pick<MeterView, "id">): Html {
  return html`<input type="hidden" name="meterId" value="${m.id}"><input type="hidden" name="idempotencyKey" value="${randomUUID()}">`;
}

/** The form of one meter: its fields and the submit button. */
export function meterReadingForm(
  ctx: PageContext,
  action: string,
  m: MeterView,
  state: MeterFormState | null,
): Html {
  return postForm(
    ctx,
    action,
    html`${hiddenBase(m)}${zoneFields(m, state, ctx.locale)}${button(format(READINGS.submit, ctx.locale, { serial: m.serial }))}`,
  );
}

/** The service asked whether unusually high figures are right: the same figures again, with confirmed=true. */
export function confirmBlock(ctx: PageContext, action: string, m: MeterView, state: MeterFormState): Html {
  const { locale } = ctx;
  const t = (key: keyof typeof READINGS) => format(READINGS[key], locale);
  return html`<div class="banner warning confirm-reading" role="alert">
<h3>${t("confirmTitle")}</h3>
<p>${format(READINGS.confirmExplain, locale, { used: decimalText(state.confirm!.used, locale), unit: unitName(m.service, locale) })}</p>
${postForm(
  ctx,
  action,
  html`${hiddenBase(m)}<input type="hidden" name="confirmed" value="true">${zonesOf(m).map(
    (zone) => html`<input type="hidden" name="zone${zone}" value="${state.values[zone] ?? ""}">`,
  )}${button(t("confirmButton"))}`,
)}
<p>${t("changeHint")}</p>
</div>`;
}
