// Where a person's reminders go: their own choice while the address it needs is confirmed, else a confirmed
// e-mail, else a confirmed phone (by SMS), else nowhere. "none" is a choice that always holds. A messenger
// (telegram, viber, messenger) needs a verified chat identity of that platform; a chat where the person said STOP
// takes nothing, and a choice of that chat then means no reminders at all: STOP is a wish, not a lost address.
// The set-based notifications choose the same way in SQL (services/notifications/recipient-channel.ts).

export type ChatReminderChannel = "telegram" | "viber" | "messenger";
export type ReminderChannel = "email" | "sms" | ChatReminderChannel | "none";

export const CHAT_REMINDER_CHANNELS: readonly ChatReminderChannel[] = ["telegram", "viber", "messenger"];

/** Which kinds of address the person has confirmed (chats: a verified chat identity of that platform). */
export interface ConfirmedAddresses {
  email: boolean;
  phone: boolean;
  telegram?: boolean;
  viber?: boolean;
  messenger?: boolean;
}

/** The channels a person may choose: those with a confirmed address, and "none". */
export function reminderChoices(confirmed: ConfirmedAddresses): ReminderChannel[] {
  return [
    ...(confirmed.email ? (["email"] as const) : []),
    ...(confirmed.phone ? (["sms"] as const) : []),
    ...CHAT_REMINDER_CHANNELS.filter((c) => confirmed[c] === true),
    "none",
  ];
}

/**
 * Where reminders go now, from the stored choice (null: none made yet), the confirmed addresses and the chats
 * where the person said STOP.
 */
export function effectiveReminderChannel(
  chosen: ReminderChannel | null,
  confirmed: ConfirmedAddresses,
  stopped: readonly ChatReminderChannel[] = [],
): ReminderChannel {
  if (chosen !== null && (stopped as readonly string[]).includes(chosen)) return "none";
  if (chosen !== null && reminderChoices(confirmed).includes(chosen)) return chosen;
  if (confirmed.email) return "email";
  if (confirmed.phone) return "sms";
  return "none";
}
