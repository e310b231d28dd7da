// "Something new was committed": a use case says it right after its commit, and a worker of this process that
// listens (the outbox's delivery, the bots' worker) starts at once instead of at its next sweep. Kept beside the
// database rather than in Deps: services need not know whether a worker runs in this process.
import type { Database } from "../db/database.ts";
import type { Deps } from "./deps.ts";

type Listener = () => void;

export interface DatabaseSignal {
  /** Listens for the signal on this database; returns how to stop. */
  on(database: Database, listener: Listener): () => void;
  /** Call after the commit. A listener's failure never fails the use case: the worker's sweep catches up. */
  emit(deps: Deps): void;
}

export function databaseSignal(): DatabaseSignal {
  const listeners = new WeakMap<Database, Set<Listener>>();
  return {
    on(database, listener) {
      let set = listeners.get(database);
      if (!set) {
        set = new Set();
        listeners.set(database, set);
      }
      set.add(listener);
      return () => set.delete(listener);
    },
    emit(deps) {
      for (const listener of listeners.get(deps.database) ?? []) {
        try {
          listener();
        } catch {
          // The sweep takes it.
        }
      }
    },
  };
}
