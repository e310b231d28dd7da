// `abonent`: the command line. Each command lives in its own file under commands/; exit codes in exit-codes.ts.
import { Command, CommanderError } from "commander";
import { ConfigError } from "../config.ts";
import { DataDirLocked } from "../db/data-dir-lock.ts";
import { registerBill } from "./commands/bill.ts";
import { registerBot } from "./commands/bot.ts";
import { registerDocument } from "./commands/document.ts";
import { registerImport } from "./commands/import.ts";
import { registerMigrate } from "./commands/migrate.ts";
import { registerRegistrySource } from "./commands/registry-source.ts";
import { registerSchedule } from "./commands/schedule.ts";
import { registerSeed } from "./commands/seed.ts";
import { isServing, registerServe } from "./commands/serve.ts";
import { registerVoice } from "./commands/voice.ts";
import { CommandOutcome, EXIT } from "./exit-codes.ts";
import { UsageError } from "./usage-error.ts";

const program = new Command("abonent")
  .description("Abonent: utility self-service for a region — readings, billing, payments, documents.")
  .showHelpAfterError("(run with --help for usage)")
  .exitOverride();

registerServe(program);
registerMigrate(program);
registerSeed(program);
registerBill(program);
registerSchedule(program);
registerDocument(program);
registerImport(program);
registerRegistrySource(program);
registerBot(program);
registerVoice(program);

try {
  await program.parseAsync(process.argv);
  // A finished command exits at once: an embedded database may leave the event loop busy after close.
  if (!isServing()) process.exit(EXIT.ok);
} catch (e) {
  if (e instanceof CommandOutcome) process.exit(e.exitCode);
  // --help and --version end "successfully"; every other complaint of the parser is bad usage.
  if (e instanceof CommanderError) process.exit(e.exitCode === 0 ? EXIT.ok : EXIT.usage);
  if (e instanceof ConfigError) {
    console.error(`abonent: bad configuration: ${e.message}`);
    process.exit(EXIT.config);
  }
  if (e instanceof DataDirLocked) {
    console.error(`abonent: ${e.message}`);
    process.exit(EXIT.dataDirLocked);
  }
  if (e instanceof UsageError) {
    console.error(`abonent: ${e.message}`);
    process.exit(EXIT.usage);
  }
  console.error(`abonent: ${(e as Error).message}`);
  process.exit(EXIT.failed);
}
