// `abonent bot list|set`: providers' own messenger bots (docs/bots.md), each answering at
// /webhooks/<platform>/<key>. The platform-wide bots come from the environment instead.
import { type Command, Option } from "commander";
import type { ProviderBotView } from "../../services/conversations/provider-bots.ts";
import { AppError } from "../../services/errors.ts";
import { callUseCase } from "../../services/registry.ts";
import { cliContext } from "../cli-context.ts";
import { UsageError } from "../usage-error.ts";
import { withDeps } from "../with-deps.ts";

const describe = (b: ProviderBotView) =>
  `${b.platform} ${b.key} — ${b.provider}, webhook ${b.webhookPath}${b.hasSecret ? "" : " (no secret)"}`;

export function registerBot(program: Command) {
  const command = program
    .command("bot")
    .description("Providers' own messenger bots: each answers at /webhooks/<platform>/<key> (docs/bots.md).");

  command
    .command("list")
    .description("List a provider's own bots (tokens are never shown).")
    .requiredOption("--provider <code-or-id>", "the provider")
    .option("--json", "one JSON object per bot", false)
    .action(async (opts: { provider: string; json: boolean }) => {
      const bots = await withDeps((deps) =>
        callUseCase(deps, "listProviderBots", cliContext("en"), { provider: opts.provider }).catch((e) => {
          if (e instanceof AppError && e.code === "not_found")
            throw new UsageError(`--provider: there is no provider "${opts.provider}"`);
          throw e;
        }),
      );
      for (const b of bots) console.log(opts.json ? JSON.stringify(b) : describe(b));
    });

  command
    .command("set")
    .description("Register a provider's own bot, or change its token and secrets.")
    .argument("<key>", "the bot's key in its webhook path: a-z, 0-9 and -")
    .requiredOption("--provider <code-or-id>", "the provider whose bot it is")
    .addOption(
      new Option("--platform <name>", "the messenger")
        .choices(["telegram", "viber", "messenger"])
        .makeOptionMandatory(),
    )
    .requiredOption("--token <token>", "Telegram's bot token, Viber's auth token or Messenger's page token")
    .option("--secret <secret>", "Telegram: the webhook's secret_token; Messenger: the app secret")
    .option("--verify-token <token>", "Messenger: the verify token of the webhook subscription")
    .action(
      async (
        key: string,
        opts: {
          provider: string;
          platform: "telegram" | "viber" | "messenger";
          token: string;
          secret?: string;
          verifyToken?: string;
        },
      ) => {
        await withDeps(async (deps) => {
          try {
            const { bot, created } = await callUseCase(deps, "saveProviderBot", cliContext("en"), {
              provider: opts.provider,
              platform: opts.platform,
              key,
              token: opts.token,
              ...(opts.secret ? { secret: opts.secret } : {}),
              ...(opts.verifyToken ? { verifyToken: opts.verifyToken } : {}),
            });
            console.log(`${created ? "created" : "updated"} ${describe(bot)}`);
          } catch (e) {
            if (e instanceof AppError && e.code === "not_found")
              throw new UsageError(`--provider: there is no provider "${opts.provider}"`);
            if (e instanceof AppError && e.status < 500) throw new UsageError(e.messageIn("en"));
            throw e;
          }
        });
      },
    );
}
