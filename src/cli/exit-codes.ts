// What `abonent` exits with, so scripts and cron can tell the outcomes apart.
export const EXIT = {
  ok: 0,
  /** Anything unexpected (the database unreachable, a bug): the message says what. */
  failed: 1,
  /** A mistake in how the command was called: a bad or missing option, an unknown provider. */
  usage: 2,
  /** `bill`: the month is already billed and closed (nothing was billed again). */
  periodClosed: 3,
  /** `bill`: the run was refused: the month is not over or is before the last closed one or the first tariff, a run is in progress, a tariff is missing or invalid. */
  refused: 4,
  /** `import payments`: the file was refused (unreadable, not CSV, a header column missing, the wrong encoding). */
  registryRefused: 5,
  /** `import payments`: this file was already imported from the source (nothing was imported again). */
  registryAlreadyImported: 6,
  /** `voice install-model`: the zip was refused (a SHA-256 mismatch, an unsafe zip, not a Vosk model); nothing installed. */
  modelRefused: 7,
  /**
   * The embedded database is in use by another process (the message names it); try again once it has stopped
   * (sysexits EX_TEMPFAIL).
   */
  dataDirLocked: 75,
  /** A bad configuration variable (sysexits EX_CONFIG). */
  config: 78,
} as const;

/**
 * Ends a command that has done its work and said what happened, with an outcome other than success (`bill`: 3, 4).
 * Thrown, not set on process.exitCode: the embedded database resets that when it closes.
 */
export class CommandOutcome extends Error {
  constructor(readonly exitCode: number) {
    super(`exit code ${exitCode}`);
  }
}
