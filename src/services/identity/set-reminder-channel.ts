// Where my reminders go: "none", or e-mail, SMS or a messenger when I have such an address or chat confirmed.
import { type ReminderChannel, reminderChoices } from "../../domain/reminder-channel.ts";
import type { Actor } from "../actor.ts";
import type { Deps } from "../deps.ts";
import { AppError } from "../errors.ts";
import { confirmedAddresses } from "./confirmed-addresses.ts";

/** Chooses where reminders go: "none", or a channel with a confirmed address (else reminder_channel_unverified). */
export async function setReminderChannel(
  deps: Deps,
  options: { actor: Actor; channel: ReminderChannel },
): Promise<{ reminderChannel: ReminderChannel }> {
  const confirmed = await confirmedAddresses(deps, options.actor.userId);
  if (!reminderChoices(confirmed).includes(options.channel))
    throw new AppError("reminder_channel_unverified", {}, { field: "channel" });
  await deps.database.db
    .updateTable("users")
    .set({ reminder_channel: options.channel })
    .where("id", "=", options.actor.userId)
    .execute();
  return { reminderChannel: options.channel };
}
