// A provider's heating season: the first and last days (MM-DD, both included) on which heating is billed by norm
// (domain/billing/norms.ts). The provider decides them, so its administrators set them; a change applies to the
// months billed after it (billed months are closed).
import type { HeatingSeason } from "../../domain/billing/norms.ts";
import { localDate } from "../../domain/local-date.ts";
import type { Actor } from "../actor.ts";
import type { Deps } from "../deps.ts";
import { AppError } from "../errors.ts";
import { authorizeBilling } from "./authorize-billing.ts";
import { heatingSeason } from "./run/tariff-parts.ts";

export async function getHeatingSeason(
  deps: Deps,
  options: { actor: Actor; provider: string | number },
): Promise<HeatingSeason> {
  const provider = await authorizeBilling(deps, options);
  return heatingSeason(deps.database.db, provider.id);
}

export async function setHeatingSeason(
  deps: Deps,
  options: { actor: Actor; provider: string | number; season: HeatingSeason },
): Promise<HeatingSeason> {
  const { starts, ends } = options.season;
  for (const [field, day] of [
    ["starts", starts],
    ["ends", ends],
  ] as const) {
    if (!isMonthDay(day)) throw new AppError("heating_season_invalid", { field, value: day }, { field });
  }
  if (starts === ends)
    throw new AppError("heating_season_invalid", { field: "ends", value: ends }, { field: "ends" });
  const provider = await authorizeBilling(deps, options);
  await deps.database.db
    .updateTable("providers")
    .set({ heating_season_starts: starts, heating_season_ends: ends })
    .where("id", "=", provider.id)
    .execute();
  return { starts, ends };
}

/** MM-DD of a real day (29 February allowed: a leap year's). */
function isMonthDay(text: string): boolean {
  const m = /^(\d\d)-(\d\d)$/.exec(text);
  if (!m) return false;
  try {
    localDate(2024, Number(m[1]), Number(m[2]));
    return true;
  } catch {
    return false;
  }
}
