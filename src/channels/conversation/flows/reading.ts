// Submitting readings: the meter, one value per zone, a confirmation, then submitReading's answer with its
// receipt (or its refusal, in the person's language). An unusually high consumption is asked about once more.
import { AppError } from "../../../services/errors.ts";
import type { Turn } from "../turn.ts";
import { showMenu } from "./menu.ts";

async function metersOf(turn: Turn, accountId: number) {
  const meters = await turn.call("listAccountMeters", { accountId });
  return meters.filter((m) => m.removedOn === null);
}

export async function pickMeter(turn: Turn, accountId: number): Promise<void> {
  const meters = await metersOf(turn, accountId);
  if (meters.length === 0) return showMenu(turn, turn.t("noMeters"));
  if (meters.length === 1) return askZone(turn, accountId, meters[0]!.id, []);
  turn.state = { step: "pick_meter", accountId };
  turn.say(
    turn.t("chooseMeter"),
    meters.map((m) => [
      { label: `${turn.t("service", { service: m.service })} ${m.serial}`, payload: `meter:${m.id}` },
    ]),
  );
}

export async function askZone(
  turn: Turn,
  accountId: number,
  meterId: number,
  values: string[],
): Promise<void> {
  const meter = (await metersOf(turn, accountId)).find((m) => m.id === meterId);
  if (!meter) throw new AppError("not_found");
  const zone = values.length + 1;
  if (zone > meter.zones) return confirmReading(turn, { accountId, meterId, values }, meter.serial);
  turn.state = { step: "zone_value", accountId, meterId, values };
  const last = meter.lastReadings.find((r) => r.zone === zone)?.value ?? "—";
  turn.say(turn.t("askZone", { serial: meter.serial, zone, zones: String(meter.zones), last }), [
    [turn.button("btnMenu", "menu")],
  ]);
}

/** A dial's value as typed: digits, with a comma or a point for decimals; spaces between groups are dropped. */
export function typedValue(text: string): string | null {
  const v = text.replace(/[\s\u00a0]/g, "").replace(",", ".");
  return /^\d{1,12}(\.\d{1,3})?$/.test(v) ? v : null;
}

export async function onZoneValue(
  turn: Turn,
  state: { accountId: number; meterId: number; values: string[] },
  text: string,
): Promise<void> {
  const value = typedValue(text);
  if (value === null) {
    turn.say(turn.t("notANumber"));
    return askZone(turn, state.accountId, state.meterId, state.values);
  }
  return askZone(turn, state.accountId, state.meterId, [...state.values, value]);
}

function confirmReading(
  turn: Turn,
  reading: { accountId: number; meterId: number; values: string[] },
  serial: string,
): void {
  const { values } = reading;
  turn.state = { step: "confirm_reading", ...reading, confirmed: false };
  const shown =
    values.length === 1
      ? values[0]!
      : values.map((value, i) => turn.t("zoneValues", { zone: i + 1, value })).join(", ");
  turn.say(turn.t("confirmReading", { values: shown, serial }), [
    [turn.button("btnYes", "yes"), turn.button("btnNo", "no")],
  ]);
}

export async function submit(
  turn: Turn,
  state: { accountId: number; meterId: number; values: string[]; confirmed: boolean },
): Promise<void> {
  const result = await turn.call("submitReading", {
    accountId: state.accountId,
    meterId: state.meterId,
    values: state.values.map((value, i) => ({ zone: i + 1, value })),
    ...(state.confirmed ? { confirmed: true } : {}),
  });
  if (result.status === "needs_confirmation") {
    turn.state = { step: "confirm_reading", ...state, confirmed: true };
    turn.say(turn.t("unusual", { factor: result.factor === null ? "none" : String(result.factor) }), [
      [turn.button("btnYes", "yes"), turn.button("btnNo", "no")],
    ]);
    return;
  }
  showMenu(
    turn,
    turn.t("accepted", {
      period: result.period,
      receipt: result.receipt,
      review: result.review ? "yes" : "no",
    }),
  );
}
