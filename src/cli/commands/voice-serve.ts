// `abonent voice serve --port N`: the voice bot alone, on its own port, against the configured database (migrated
// first) — for a host beside the PBX, or a test caller. `abonent serve` runs it too when VOICE_PORT is set.
import type { Command } from "commander";
import { startVoiceBot, voiceCacheDir } from "../../channels/voice/voice-bot.ts";
import { loadConfig } from "../../config.ts";
import { migrate } from "../../db/migrate.ts";
import { openConfiguredDatabase } from "../../db/open-configured.ts";
import { createLogger } from "../../logging.ts";
import { composeDeps } from "../../services/compose.ts";
import { UsageError } from "../usage-error.ts";
import { markServing } from "./serve.ts";

export function addVoiceServe(voice: Command) {
  voice
    .command("serve")
    .description(
      "Run the voice bot alone: Asterisk's AudioSocket on --port (VOICE_* settings, docs/voice.md).",
    )
    .option("--port <port>", "the TCP port for AudioSocket (default VOICE_PORT)")
    .action(async (opts: { port?: string }) => {
      const config = loadConfig();
      const raw = opts.port ?? (config.voice.port === undefined ? undefined : String(config.voice.port));
      if (raw === undefined || !/^\d{1,5}$/.test(raw) || Number(raw) > 65535)
        throw new UsageError("--port: a TCP port from 0 to 65535 is required (or VOICE_PORT)");
      const log = createLogger(config);
      const database = await openConfiguredDatabase(config);
      await migrate(database);
      const deps = await composeDeps({ database, config, log });
      const bot = await startVoiceBot({
        deps,
        config: config.voice,
        port: Number(raw),
        logger: log,
        cacheDir: voiceCacheDir(config.dataDir),
      });
      markServing();
      // One line for whoever started it (a test, a supervisor) to know the port.
      console.log(
        `voice bot listening on port ${bot.port} (speech: ${bot.recognizer.engine}${bot.recognizer.languages.length ? ` ${bot.recognizer.languages.join(", ")}` : ", keypad only"})`,
      );
      const stop = async () => {
        const force = setTimeout(() => process.exit(1), 10_000);
        force.unref();
        await bot.close();
        await database.close();
        process.exit(0);
      };
      process.on("SIGTERM", () => void stop());
      process.on("SIGINT", () => void stop());
    });
}
