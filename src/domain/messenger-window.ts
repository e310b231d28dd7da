// Messenger lets a page write to a person only within 24 hours of that person's last message (the "standard
// messaging window"); after it, a notification must go by another channel.
export const MESSENGER_WINDOW_MS = 24 * 60 * 60 * 1000;

/** Whether a message sent at `now` is still inside the window opened by the person's last message. */
export function withinMessengerWindow(lastInboundAt: Date | null, now: Date): boolean {
  if (lastInboundAt === null) return false;
  const since = now.getTime() - lastInboundAt.getTime();
  return since >= 0 && since < MESSENGER_WINDOW_MS;
}
