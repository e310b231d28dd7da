// A local stand-in for Telegram's Bot API (reached through TELEGRAM_API_BASE): a real HTTP server that takes
// POST /bot<token>/<method> as grammY sends it (JSON, or multipart for a document), records every call, and
// answers as Telegram does. It can answer the next calls with 429 and a retry_after, as Telegram does under load.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface TelegramCall {
  token: string;
  method: string;
  /** The JSON body; for multipart, the text fields. */
  params: Record<string, unknown>;
  /** The raw body (a document's bytes are inside a multipart body). */
  raw: Buffer;
}

export class FakeTelegram {
  readonly calls: TelegramCall[] = [];
  private tooMany = 0;
  private retryAfter = 1;
  private nextMessageId = 1;

  private constructor(private readonly server: Server) {}

  static async start(): Promise<FakeTelegram> {
    let fake: FakeTelegram | undefined;
    const server = createServer((req, res) => {
      fake!.handle(req).then(
        (body) => {
          res.writeHead(body.ok ? 200 : (body.error_code as number), { "content-type": "application/json" });
          res.end(JSON.stringify(body));
        },
        () => {
          res.writeHead(500);
          res.end();
        },
      );
    });
    fake = new FakeTelegram(server);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return fake;
  }

  get apiBase(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** The next `count` calls get 429 Too Many Requests with this retry_after. */
  throttle(count: number, retryAfterSeconds = 1): void {
    this.tooMany = count;
    this.retryAfter = retryAfterSeconds;
  }

  /** What was sent to one chat, in order: texts and documents. */
  sentTo(chatId: string | number): TelegramCall[] {
    return this.calls.filter(
      (c) =>
        ["sendMessage", "sendDocument"].includes(c.method) && String(c.params["chat_id"]) === String(chatId),
    );
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage): Promise<Record<string, unknown>> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    const match = /^\/bot([^/]+)\/(\w+)$/.exec(req.url ?? "");
    if (!match) return { ok: false, error_code: 404, description: "Not Found" };
    const type = req.headers["content-type"] ?? "";
    const params = type.includes("json")
      ? (JSON.parse(raw.toString("utf8") || "{}") as Record<string, unknown>)
      : multipartFields(raw, type);
    if (this.tooMany > 0) {
      this.tooMany--;
      return {
        ok: false,
        error_code: 429,
        description: `Too Many Requests: retry after ${this.retryAfter}`,
        parameters: { retry_after: this.retryAfter },
      };
    }
    this.calls.push({ token: match[1]!, method: match[2]!, params, raw });
    const chat = { id: Number(params["chat_id"]) || 0, type: "private" };
    if (match[2] === "sendMessage" || match[2] === "sendDocument")
      return {
        ok: true,
        result: { message_id: this.nextMessageId++, date: Math.floor(Date.now() / 1000), chat },
      };
    return { ok: true, result: true };
  }
}

/** The text fields of a multipart/form-data body (a document part is left in `raw`). */
function multipartFields(raw: Buffer, type: string): Record<string, unknown> {
  const boundary = /boundary=([^;]+)/.exec(type)?.[1];
  if (!boundary) return {};
  const fields: Record<string, unknown> = {};
  for (const part of raw.toString("latin1").split(`--${boundary}`)) {
    const name = /name="([^"]+)"/.exec(part)?.[1];
    if (!name || /filename=/.test(part)) continue;
    const value = part.split("\r\n\r\n").slice(1).join("\r\n\r\n").replace(/\r\n$/, "");
    fields[name] = Buffer.from(value, "latin1").toString("utf8");
  }
  return fields;
}
