// "An operator answered": the console's use case says it after its commit, and the bots' worker in this process
// sends the answer into the chat at once instead of at its next sweep. Kept beside the database, like the
// outbox's signal: services need not know whether a worker runs in this process.
import type { Database } from "../../db/database.ts";
import type { Deps } from "../deps.ts";

type Listener = () => void;
const listeners = new WeakMap<Database, Set<Listener>>();

export function onConversationAnswered(database: Database, listener: Listener): () => void {
  let set = listeners.get(database);
  if (!set) {
    set = new Set();
    listeners.set(database, set);
  }
  set.add(listener);
  return () => set.delete(listener);
}

export function conversationAnswered(deps: Deps): void {
  for (const listener of listeners.get(deps.database) ?? []) {
    try {
      listener();
    } catch {
      // The worker's sweep sends it anyway.
    }
  }
}
