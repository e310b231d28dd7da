// My settings as the cabinet shows them: the language, and where reminders go among my confirmed addresses.
import {
  effectiveReminderChannel,
  type ReminderChannel,
  reminderChoices,
} from "../../domain/reminder-channel.ts";
import type { Locale } from "../../i18n/locale.ts";
import type { Actor } from "../actor.ts";
import type { Deps } from "../deps.ts";
import { AppError } from "../errors.ts";
import { confirmedAddresses } from "./confirmed-addresses.ts";

export interface MySettings {
  locale: Locale;
  /** Where reminders go now. */
  reminderChannel: ReminderChannel;
  /** Whether the person chose it (else it follows their confirmed addresses). */
  reminderChannelChosen: boolean;
  /** What they may choose: the channels with a confirmed address, and "none". */
  reminderChoices: ReminderChannel[];
}

export async function getMySettings(deps: Deps, options: { actor: Actor }): Promise<MySettings> {
  const user = await deps.database.db
    .selectFrom("users")
    .select(["locale", "reminder_channel"])
    .where("id", "=", options.actor.userId)
    .executeTakeFirst();
  if (!user) throw new AppError("not_found");
  const confirmed = await confirmedAddresses(deps, options.actor.userId);
  return {
    locale: user.locale,
    reminderChannel: effectiveReminderChannel(user.reminder_channel, confirmed),
    reminderChannelChosen: user.reminder_channel !== null,
    reminderChoices: reminderChoices(confirmed),
  };
}
