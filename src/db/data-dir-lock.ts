// Only one process at a time may open the embedded database: PGlite has no locking of its own, and a second
// process on the same files aborts or corrupts them. The lock is a file beside the database naming its holder
// (pid, command, since when), created exclusively. A holder that died, even by SIGKILL, leaves a file whose pid
// is gone (or, on Linux, now belongs to a process started later): the next opener takes the lock over, as
// PostgreSQL does with postmaster.pid. (proper-lockfile and the like decide staleness by a file's age, which a
// busy WebAssembly engine stalling its event loop would let expire, and cannot hand the lock to a child.)
//
// `abonent serve` loads the demo region in a child process while it holds the lock. It hands the lock to that
// child explicitly: the child's environment carries the lock's random token, and it is let through only while
// its parent is the holder.
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, resolve } from "node:path";

/** The environment variable through which the holder hands its lock to its own child. */
export const HANDOFF_VARIABLE = "ABONENT_DATA_LOCK";

export interface LockHolder {
  pid: number;
  command: string;
  /** When the holder took the lock, ISO 8601. */
  since: string;
  token: string;
  /** Linux: the holder's start time in clock ticks since boot, to tell a reused pid from the holder. */
  started?: string;
}

export interface DataDirLock {
  readonly holder: LockHolder;
  /** The environment that lets one child of this process open the directory while this process holds it. */
  handoffEnv(): Record<string, string>;
  /** Gives the lock back once every opener in this process has released it. */
  release(): void;
}

/** Another process holds the directory: the message says which and what to do. */
export class DataDirLocked extends Error {
  constructor(
    readonly dir: string,
    readonly holder: LockHolder,
  ) {
    super(
      `the embedded database in ${dir} is in use by process ${holder.pid} (${holder.command}, since ` +
        `${holder.since}); only one process can open it at a time: stop that one first, or run on ` +
        "PostgreSQL (DATABASE_URL) to run several",
    );
  }
}

interface Held {
  holder: LockHolder;
  /** Let through by the parent: never ours to remove. */
  borrowed: boolean;
  openers: number;
}

const held = new Map<string, Held>();
let exitHookInstalled = false;

/** Takes the lock on `dir` (re-entrant within a process) or throws DataDirLocked naming the holder. */
export function lockDataDir(dir: string): DataDirLock {
  const path = `${resolve(dir)}.lock`;
  let entry = held.get(path);
  if (!entry) {
    entry = acquire(path, dir);
    held.set(path, entry);
    installExitHook();
  }
  entry.openers++;
  const mine = entry;
  let released = false;
  return {
    holder: mine.holder,
    handoffEnv: () => ({ [HANDOFF_VARIABLE]: mine.holder.token }),
    release() {
      if (released) return;
      released = true;
      if (--mine.openers > 0) return;
      held.delete(path);
      if (!mine.borrowed) removeIfOurs(path, mine.holder.token);
    },
  };
}

function acquire(path: string, dir: string): Held {
  mkdirSync(dirname(path), { recursive: true });
  const me: LockHolder = {
    pid: process.pid,
    command: commandLine(),
    since: new Date().toISOString().replace(/\.\d+Z$/, "Z"),
    token: randomBytes(16).toString("hex"),
    ...startedOf(process.pid),
  };
  for (let attempt = 0; attempt < 20; attempt++) {
    try {
      writeFileSync(path, JSON.stringify(me), { flag: "wx" });
      return { holder: me, borrowed: false, openers: 0 };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
    }
    const holder = readHolder(path);
    if (holder === "gone") continue;
    if (holder === "unreadable") {
      // Just created and not yet written, or cut short by a crash while being written: wait, then break it.
      if (attempt < 10) {
        pause(50);
        continue;
      }
      breakStale(path, undefined);
      continue;
    }
    if (holder.pid === process.ppid && holder.token === process.env[HANDOFF_VARIABLE] && isAlive(holder)) {
      return { holder, borrowed: true, openers: 0 };
    }
    if (isAlive(holder)) throw new DataDirLocked(dir, holder);
    breakStale(path, holder.token);
  }
  throw new Error(`could not take the lock ${path}: other processes keep taking it over`);
}

function readHolder(path: string): LockHolder | "gone" | "unreadable" {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return "gone";
    throw e;
  }
  try {
    const parsed = JSON.parse(text) as Partial<LockHolder>;
    if (typeof parsed.pid === "number" && typeof parsed.token === "string") return parsed as LockHolder;
  } catch {}
  return "unreadable";
}

/** Moves the stale file aside and removes it, unless another opener replaced it meanwhile: that one is put back. */
function breakStale(path: string, staleToken: string | undefined): void {
  const aside = `${path}.stale-${process.pid}-${randomBytes(4).toString("hex")}`;
  try {
    renameSync(path, aside);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return;
    throw e;
  }
  const moved = readHolder(aside);
  const token = typeof moved === "object" ? moved.token : undefined;
  if (token !== staleToken) renameSync(aside, path);
  else rmSync(aside, { force: true });
}

function removeIfOurs(path: string, token: string): void {
  const holder = readHolder(path);
  if (typeof holder === "object" && holder.token === token) rmSync(path, { force: true });
}

function isAlive(holder: LockHolder): boolean {
  // Our own pid in a file we do not hold is a previous life of this pid (a container restarted).
  if (holder.pid === process.pid) return false;
  try {
    process.kill(holder.pid, 0);
  } catch (e) {
    // EPERM: it exists, under another user.
    if ((e as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  const now = startedOf(holder.pid).started;
  return holder.started === undefined || now === undefined || now === holder.started;
}

/** Linux's start time of a process (field 22 of /proc/PID/stat), which a reused pid does not share. */
function startedOf(pid: number): { started?: string } {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) is in parentheses and may hold spaces; the fields after it are plain.
    const started = stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19];
    return started ? { started } : {};
  } catch {
    return {};
  }
}

function commandLine(): string {
  const script = basename(process.argv[1] ?? "node").replace(/\.[cm]?[jt]s$/, "");
  return [script, ...process.argv.slice(2)].join(" ").slice(0, 200);
}

function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** A process that ends by process.exit() without closing its database still gives its locks back. */
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on("exit", () => {
    for (const [path, entry] of held) if (!entry.borrowed) removeIfOurs(path, entry.holder.token);
  });
}
