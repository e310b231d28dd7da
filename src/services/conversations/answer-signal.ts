// "An operator answered": the console's use case says it after its commit, and the bots' worker in this process
// sends the answer into the chat at once instead of at its next sweep.
import { databaseSignal } from "../database-signal.ts";

const signal = databaseSignal();
export const onConversationAnswered = signal.on;
export const conversationAnswered = signal.emit;
