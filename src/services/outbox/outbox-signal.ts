// "The outbox has something new": use cases say it right after the commit that wrote outbox rows, and the
// serving process's delivery job listens, so a code leaves within a second instead of at the next sweep.
import { databaseSignal } from "../database-signal.ts";

const signal = databaseSignal();
export const onOutboxWritten = signal.on;
export const outboxWritten = signal.emit;
