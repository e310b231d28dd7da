// The bots' worker: answers the updates the webhooks wrote down and sends the operators' answers into their
// chats. A webhook kicks it after its 200; a sweep every few seconds takes what a process that died left behind.
// Chats are worked on side by side, each chat's updates one after another in the order they came.
import type { Logger } from "pino";
import type { ChatClient, ChatOutgoing } from "../../gateways/chat/chat-message.ts";
import { ChatRateLimited } from "../../gateways/chat/chat-rate-limited.ts";
import { format } from "../../i18n/messages.ts";
import { onConversationAnswered } from "../../services/conversations/answer-signal.ts";
import { openConversation } from "../../services/conversations/conversation-store.ts";
import { markAnswerSent, unsentAnswers } from "../../services/conversations/operator-answers.ts";
import {
  claimUpdate,
  failUpdate,
  type WaitingUpdate,
  waitingUpdates,
} from "../../services/conversations/waiting-updates.ts";
import type { Deps } from "../../services/deps.ts";
import { BOT } from "../conversation/conversation-messages.ts";
import { converse } from "../conversation/engine.ts";
import type { Incoming } from "../conversation/incoming.ts";
import type { BotClients } from "./bot-clients.ts";

const PARALLEL = 4;
const RATE_LIMIT_TRIES = 3;
const LONGEST_WAIT_S = 30;
const SWEEP_MS = 5000;

/** Sends, waiting out a platform's "too many requests" for as long as it says (a few times, not forever). */
async function sendPatiently(client: ChatClient, chatId: string, message: ChatOutgoing): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await client.send(chatId, message);
    } catch (e) {
      if (!(e instanceof ChatRateLimited) || attempt >= RATE_LIMIT_TRIES) throw e;
      const seconds = Math.min(e.retryAfterSeconds, LONGEST_WAIT_S);
      await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
    }
  }
}

/** What the webhook stores in bot_updates.incoming. */
export interface StoredIncoming {
  incoming: Incoming;
  displayName?: string;
}

export class UpdateWorker {
  private running: Promise<void> | null = null;
  private again = false;
  private readonly timer: NodeJS.Timeout | undefined;
  private readonly stopListening: () => void;
  private stopped = false;

  constructor(
    private readonly deps: Deps,
    private readonly clients: BotClients,
    private readonly log: Logger | undefined,
    /** Sweep now and then (a process with a bot configured); without it only webhooks and answers wake it. */
    sweep: boolean,
  ) {
    this.timer = sweep ? setInterval(() => this.kick(), SWEEP_MS) : undefined;
    this.timer?.unref();
    this.stopListening = onConversationAnswered(deps.database, () => this.kick());
  }

  /** Work through what waits now (again after the current pass, if one is running). */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain()
      .catch((err: unknown) => this.log?.error({ err }, "bots: the worker failed"))
      .finally(() => {
        this.running = null;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
  }

  /** Resolves when nothing is being worked on (tests wait for it). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    this.stopListening();
    await this.idle();
  }

  private async drain(): Promise<void> {
    for (;;) {
      const batch = await waitingUpdates(this.deps, PARALLEL, []);
      const answers = await unsentAnswers(this.deps, 20);
      if (batch.length === 0 && answers.length === 0) return;
      await Promise.all(batch.map((u) => this.answer(u)));
      for (const a of answers) await this.sendAnswer(a);
    }
  }

  private async answer(update: WaitingUpdate): Promise<void> {
    const stored = update.incoming as unknown as StoredIncoming;
    if (!(await claimUpdate(this.deps, update.id))) return;
    try {
      const chat = { platform: update.platform, bot: update.bot, chatId: update.chatId };
      const out = await converse(this.deps, {
        chat,
        incoming: stored.incoming,
        ...(stored.displayName ? { displayName: stored.displayName } : {}),
      });
      const client = await this.clients.client(update.platform, update.bot);
      if (!client) throw new Error(`no client for the ${update.platform} bot "${update.bot}"`);
      for (const message of out) await sendPatiently(client, update.chatId, message);
    } catch (err) {
      this.log?.warn({ err, update: update.id }, "bots: an update failed");
      await failUpdate(this.deps, update.id, String((err as Error)?.message ?? err));
    }
  }

  private async sendAnswer(answer: Awaited<ReturnType<typeof unsentAnswers>>[number]): Promise<void> {
    try {
      const client = await this.clients.client(answer.platform, answer.bot);
      if (!client) throw new Error(`no client for the ${answer.platform} bot "${answer.bot}"`);
      const conversation = await openConversation(
        this.deps,
        { platform: answer.platform, bot: answer.bot, chatId: answer.chatId },
        { inbound: false },
      );
      const text = format(BOT.operatorSays, conversation.locale ?? "uk", { text: answer.body });
      await sendPatiently(client, answer.chatId, { kind: "text", text });
    } catch (err) {
      this.log?.warn({ err, message: answer.id }, "bots: an operator's answer was not delivered");
    }
    await markAnswerSent(this.deps, answer.id);
  }
}
