// The contact centre's settings as its provider's staff see them: the phones, the weekly hours of both lines, the
// dated exceptions from today on, and whether each line answers now. Operators read it to tell callers; the
// administrator's form starts from it.
import { lineStatusAt } from "../../domain/contact-hours.ts";
import { kyivDateOf } from "../../domain/kyiv-time.ts";
import type { Actor } from "../actor.ts";
import type { ProviderRef } from "../billing/find-provider.ts";
import type { Deps } from "../deps.ts";
import {
  type HoursExceptionView,
  type LineStatusView,
  lineSchedule,
  loadContactSchedules,
  statusView,
  type WeeklyHoursView,
} from "../providers/contact-schedule.ts";
import { findProviderForActor } from "../providers/find-provider-for-actor.ts";

export interface ContactCentreSettings {
  provider: ProviderRef;
  /** "+380676526000". */
  phones: string[];
  hours: WeeklyHoursView[];
  exceptions: HoursExceptionView[];
  now: { contactCentre: LineStatusView; voice: LineStatusView };
}

export async function getContactCentre(
  deps: Deps,
  o: { actor: Actor; provider: string },
): Promise<ContactCentreSettings> {
  const provider = await findProviderForActor(deps, o.actor, o.provider);
  return contactCentreOf(deps, provider);
}

export async function contactCentreOf(deps: Deps, provider: ProviderRef): Promise<ContactCentreSettings> {
  const now = deps.now();
  const [row, schedules] = await Promise.all([
    deps.database.db
      .selectFrom("providers")
      .select("contact_phones")
      .where("id", "=", provider.id)
      .executeTakeFirstOrThrow(),
    loadContactSchedules(deps, [provider.id], kyivDateOf(now)),
  ]);
  const schedule = schedules.get(provider.id)!;
  return {
    provider,
    phones: row.contact_phones,
    hours: schedule.hours,
    exceptions: schedule.exceptions,
    now: {
      contactCentre: statusView(lineStatusAt(lineSchedule(schedule, "contact_centre"), now)),
      voice: statusView(lineStatusAt(lineSchedule(schedule, "voice"), now)),
    },
  };
}
