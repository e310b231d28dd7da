// `abonent`: the command line. Each command lives in its own file under commands/.
import { Command, CommanderError } from "commander";
import { ConfigError } from "../config.ts";
import { registerMigrate } from "./commands/migrate.ts";
import { registerSeed } from "./commands/seed.ts";
import { isServing, registerServe } from "./commands/serve.ts";
import { UsageError } from "./usage-error.ts";

const program = new Command("abonent")
  .description("Abonent: utility self-service for a region — readings, billing, payments, documents.")
  .showHelpAfterError("(run with --help for usage)")
  .exitOverride();

registerServe(program);
registerMigrate(program);
registerSeed(program);

try {
  await program.parseAsync(process.argv);
  // A finished command exits at once: an embedded database may leave the event loop busy after close.
  if (!isServing()) process.exit(0);
} catch (e) {
  if (e instanceof CommanderError) process.exit(e.exitCode);
  if (e instanceof ConfigError) {
    console.error(`abonent: bad configuration: ${e.message}`);
    process.exit(78);
  }
  if (e instanceof UsageError) {
    console.error(`abonent: ${e.message}`);
    process.exit(2);
  }
  console.error(`abonent: ${(e as Error).message}`);
  process.exit(1);
}
