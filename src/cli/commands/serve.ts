import type { Command } from "commander";
import { buildApp } from "../../channels/http/app.ts";
import { startSmppLink } from "../../channels/sms/smpp-inbound.ts";
import { startVoiceBot, voiceCacheDir } from "../../channels/voice/voice-bot.ts";
import { loadConfig } from "../../config.ts";
import { lockConfiguredDatabase } from "../../db/open-configured.ts";
import { openWithDemo } from "../../demo/load-demo-if-empty.ts";
import { smtpSender } from "../../gateways/mail/smtp-sender.ts";
import { smppSender } from "../../gateways/sms/smpp-sender.ts";
import { startBillingWorkers } from "../../jobs/billing-job.ts";
import { startBoss } from "../../jobs/boss.ts";
import { bossBillingSchedules } from "../../jobs/boss-billing-schedules.ts";
import { startHousekeeping } from "../../jobs/housekeeping-job.ts";
import { startNotificationJobs } from "../../jobs/notification-job.ts";
import { chatDelivery, configuredChatClients } from "../../jobs/notification-senders.ts";
import { startOutboxDelivery } from "../../jobs/outbox-job.ts";
import { startStatisticsJob } from "../../jobs/statistics-job.ts";
import { createLogger } from "../../logging.ts";
import { composeDeps } from "../../services/compose.ts";
import { demoRegionLoaded } from "../../services/payments/demo-region-loaded.ts";
import { readyLine } from "../ready-line.ts";

let serving = false;
export const isServing = () => serving;
/** A command that keeps running (a server) tells main.ts not to exit when its action returns. */
export const markServing = () => {
  serving = true;
};

export function registerServe(program: Command) {
  program
    .command("serve")
    .description(
      "Run the web server and the scheduled jobs (migrates the database, loads the demo region into an empty " +
        "embedded one).",
    )
    .action(async () => {
      const config = loadConfig();
      const log = createLogger(config);
      // The embedded database is this process's (and its demo-loading child's) until it exits.
      const lock = lockConfiguredDatabase(config);
      const database = await openWithDemo(config, lock?.handoffEnv());

      // Scheduled jobs (billing runs, hourly housekeeping): pg-boss, its queues and schedules in the same database.
      // Started before the app, whose console sets the billing schedules through it.
      const boss = await startBoss(database, {
        databaseUrl: config.databaseUrl,
        onError: (err) => log.error({ err }, "job queue error"),
      });
      const deps = {
        ...(await composeDeps({ database, config, log })),
        billingSchedules: bossBillingSchedules(boss),
      };
      const app = await buildApp({ deps, config });
      const queues = await startBillingWorkers(boss, deps, log);
      log.info({ queues: queues.length }, "billing scheduler started");
      await startHousekeeping(boss, deps, log);
      await startStatisticsJob(boss, deps, log);
      // Without SMTP_URL e-mails wait in the outbox (a developer reads them on /dev/outbox).
      const mail = config.smtpUrl
        ? smtpSender(config.smtpUrl, config.mailFrom, { cabinetUrl: deps.appUrl })
        : undefined;
      // Notifications: the scheduled ones (windows, debts), and the messengers' senders at the platforms' pace.
      await startNotificationJobs(boss, deps, log);
      const chats = chatDelivery(deps, configuredChatClients(config));
      // With SMPP_URL: the short number's link to the operator's SMS centre; texts in are answered over it, and
      // SMS in the outbox (codes, reminders) leave by it (docs/sms.md). Without it they wait in the outbox.
      const smsLink = config.smppUrl
        ? startSmppLink(deps, { url: config.smppUrl, sourceAddress: config.smsShortNumber ?? "", log })
        : undefined;
      const outbox = await startOutboxDelivery(
        boss,
        deps,
        log,
        {
          ...(mail ? { email: mail.send } : {}),
          ...(smsLink ? { sms: smppSender(smsLink) } : {}),
          ...chats.senders,
        },
        chats.options,
      );
      // With VOICE_PORT: the phone voice bot listens for the PBX's AudioSocket calls too (docs/voice.md).
      const voice =
        config.voice.port === undefined
          ? undefined
          : await startVoiceBot({
              deps,
              config: config.voice,
              port: config.voice.port,
              logger: log,
              cacheDir: voiceCacheDir(config.dataDir),
            });
      let closing = false;
      const shutdown = async (signal: string) => {
        if (closing) return;
        closing = true;
        log.info({ signal }, "shutting down: finishing requests in flight");
        // Stop accepting, let requests and jobs in flight end (a job cut short is retried and resumes), then
        // release the database.
        const force = setTimeout(() => process.exit(1), 10_000);
        force.unref();
        await app.close();
        await voice?.close();
        await smsLink?.stop();
        outbox.stop();
        await boss.stop({ graceful: true, timeout: 5_000 });
        mail?.close();
        await database.close();
        lock?.release();
        process.exit(0);
      };
      process.on("SIGTERM", () => void shutdown("SIGTERM"));
      process.on("SIGINT", () => void shutdown("SIGINT"));
      serving = true;
      await app.listen({ host: config.host, port: config.port });
      console.log(readyLine(app.server.address(), await demoRegionLoaded(deps)));
    });
}
