// A meter's reading form sent, turned into the submitReading use case and its answer into what the page draws:
// accepted (the page then redirects to show the receipt), unusually high (the same figures, and how much use
// they mean, for the "are they right?" step), or refused (the reason beside the zone's field, with the
// refusal's status). Shared by the resident's readings page and the operator's account page, which each call
// the use case as their own door.
import { zoneName } from "../../i18n/format.ts";
import type { Locale } from "../../i18n/locale.ts";
import { AppError } from "../../services/errors.ts";
import type { MeterView } from "../../services/readings/list-account-meters.ts";
import type { InputOf, OutputOf } from "../../services/registry.ts";
import { type MeterFormState, zoneFieldId, zonesOf } from "./views/reading-form.ts";
import { fieldErrorsOf } from "./web-request.ts";

export type MeterSubmission =
  | { accepted: true; result: OutputOf<"submitReading"> }
  | { accepted: false; state: MeterFormState; status: number };

/** "1400" from "1400.000", "0.25" from "0.250": units as a person reads them. */
function trimUnits(text: string, locale: Locale): string {
  const trimmed = text.includes(".") ? text.replace(/0+$/, "").replace(/\.$/, "") : text;
  return locale === "en" ? trimmed : trimmed.replace(".", ",");
}

export async function submitMeterForm(
  submit: (input: InputOf<"submitReading">) => Promise<OutputOf<"submitReading">>,
  o: { accountId: number; meter: MeterView; form: Record<string, string>; locale: Locale },
): Promise<MeterSubmission> {
  const { meter, form, locale } = o;
  const zones = zonesOf(meter);
  const values: Record<number, string> = {};
  for (const zone of zones) values[zone] = (form[`zone${zone}`] ?? "").trim();
  const key = form["idempotencyKey"];
  try {
    const result = await submit({
      accountId: o.accountId,
      meterId: meter.id,
      values: zones.map((zone) => ({ zone, value: values[zone]! })),
      ...(form["confirmed"] === "true" ? { confirmed: true } : {}),
      ...(key && key.length <= 200 ? { idempotencyKey: key } : {}),
    });
    if (result.status === "accepted") return { accepted: true, result };
    const used = result.zones
      .filter((z) => z.consumption !== null)
      .map((z) => {
        const units = trimUnits(z.consumption!, locale);
        return meter.zones > 1 ? `${zoneName(meter.zones, z.zone, locale)}: ${units}` : units;
      })
      .join("; ");
    return {
      accepted: false,
      status: 200,
      state: { meterId: meter.id, values, errors: [], confirm: { used } },
    };
  } catch (e) {
    const zone = e instanceof AppError ? e.details["zone"] : undefined;
    const field = zoneFieldId(meter.id, typeof zone === "number" ? zone : 1);
    const errors = fieldErrorsOf(e, locale, {}, field);
    return { accepted: false, status: (e as AppError).status, state: { meterId: meter.id, values, errors } };
  }
}
