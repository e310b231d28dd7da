// The scheduled notifications (docs/notifications.md): every morning at 09:00 Kyiv time the windows open today or
// closing within two days are told (services/notifications/window-notifications.ts), and so are the bills of the
// months billing runs closed since; on the 10th of each month the debt reminder goes out. Per-event ones (a
// reading, a review, a payment) are written with their cause instead. Every notification has its key, so a run repeated after a crash, or by a second process, sends nothing
// twice; the outbox job then delivers at each platform's pace.
import type PgBoss from "pg-boss";
import type { Logger } from "pino";
import { KYIV_TZ_ICU } from "../domain/kyiv-time.ts";
import type { Deps } from "../services/deps.ts";
import { notifyClosedBills, notifyDebts } from "../services/notifications/money-notifications.ts";
import { notifyWindows } from "../services/notifications/window-notifications.ts";

export const WINDOW_NOTIFICATIONS_QUEUE = "notify-windows";
export const DEBT_REMINDERS_QUEUE = "notify-debts";
/** Daytime, so nothing waits for the quiet hours to end. */
const EVERY_MORNING = "0 9 * * *";
const MONTHLY = "0 10 10 * *";

export async function startNotificationJobs(boss: PgBoss, deps: Deps, log: Logger): Promise<void> {
  for (const name of [WINDOW_NOTIFICATIONS_QUEUE, DEBT_REMINDERS_QUEUE]) {
    await boss.createQueue(name, {
      name,
      policy: "stately",
      retryLimit: 3,
      retryDelay: 600,
      expireInSeconds: 3600,
    });
  }
  await boss.schedule(WINDOW_NOTIFICATIONS_QUEUE, EVERY_MORNING, {}, { tz: KYIV_TZ_ICU });
  await boss.schedule(DEBT_REMINDERS_QUEUE, MONTHLY, {}, { tz: KYIV_TZ_ICU });
  await boss.work(WINDOW_NOTIFICATIONS_QUEUE, { pollingIntervalSeconds: 60 }, async () => {
    log.info(await notifyWindows(deps), "notifications: windows");
    log.info({ queued: await notifyClosedBills(deps) }, "notifications: bills");
  });
  await boss.work(DEBT_REMINDERS_QUEUE, { pollingIntervalSeconds: 60 }, async () => {
    log.info(await notifyDebts(deps), "notifications: debt reminders");
  });
}
