// "The outbox has something new": use cases say it right after their commit, and whoever delivers (the serving
// process's job queue) listens, so a code leaves within a second instead of at the next scheduled sweep. Kept
// beside the database rather than in Deps: services need not know whether a queue runs in this process.
import type { Database } from "../../db/database.ts";
import type { Deps } from "../deps.ts";

type Listener = () => void;
const listeners = new WeakMap<Database, Set<Listener>>();

/** Listens for new outbox messages written through this database; returns how to stop. */
export function onOutboxWritten(database: Database, listener: Listener): () => void {
  let set = listeners.get(database);
  if (!set) {
    set = new Set();
    listeners.set(database, set);
  }
  set.add(listener);
  return () => set.delete(listener);
}

/** Call after the commit that wrote outbox rows. A listener's failure never fails the use case. */
export function outboxWritten(deps: Deps): void {
  for (const listener of listeners.get(deps.database) ?? []) {
    try {
      listener();
    } catch {
      // The scheduled sweep delivers it anyway.
    }
  }
}
