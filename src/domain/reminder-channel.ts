// Where a person's reminders go: their own choice while the address it needs is confirmed, else a confirmed
// e-mail, else a confirmed phone (by SMS), else nowhere. "none" is a choice that always holds.

export type ReminderChannel = "email" | "sms" | "none";

/** Which kinds of address the person has confirmed. */
export interface ConfirmedAddresses {
  email: boolean;
  phone: boolean;
}

/** The channels a person may choose: those with a confirmed address, and "none". */
export function reminderChoices(confirmed: ConfirmedAddresses): ReminderChannel[] {
  return [
    ...(confirmed.email ? (["email"] as const) : []),
    ...(confirmed.phone ? (["sms"] as const) : []),
    "none",
  ];
}

/** Where reminders go now, from the stored choice (null: none made yet) and the confirmed addresses. */
export function effectiveReminderChannel(
  chosen: ReminderChannel | null,
  confirmed: ConfirmedAddresses,
): ReminderChannel {
  if (chosen !== null && reminderChoices(confirmed).includes(chosen)) return chosen;
  if (confirmed.email) return "email";
  if (confirmed.phone) return "sms";
  return "none";
}
