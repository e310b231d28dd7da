// A local stand-in for Viber's REST bot API (reached through VIBER_API_BASE): a real HTTP server that takes
// POST /pa/send_message as Viber does, checks the X-Viber-Auth-Token header, records every message, and answers
// { status: 0 }. It can answer the next calls with status 12 ("too many requests"), as Viber does under load.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface ViberCall {
  token: string;
  body: {
    receiver: string;
    type: string;
    text?: string;
    sender?: { name: string };
    keyboard?: {
      Type: string;
      Buttons: { Columns: number; ActionType: string; ActionBody: string; Text: string }[];
    };
    media?: string;
    size?: number;
    file_name?: string;
  };
}

export class FakeViber {
  readonly calls: ViberCall[] = [];
  private tooMany = 0;
  private nextToken = 5_000_000_000_000_000_000n;

  private constructor(
    private readonly server: Server,
    readonly authToken: string,
  ) {}

  static async start(authToken: string): Promise<FakeViber> {
    let fake: FakeViber | undefined;
    const server = createServer((req, res) => {
      fake!.handle(req).then(
        (body) => {
          res.writeHead(200, { "content-type": "application/json" });
          res.end(body);
        },
        () => {
          res.writeHead(500);
          res.end();
        },
      );
    });
    fake = new FakeViber(server, authToken);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return fake;
  }

  get apiBase(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** The next `count` messages are refused with Viber's throttling status. */
  throttle(count: number): void {
    this.tooMany = count;
  }

  sentTo(receiver: string): ViberCall["body"][] {
    return this.calls.filter((c) => c.body.receiver === receiver).map((c) => c.body);
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage): Promise<string> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (req.method !== "POST" || req.url !== "/pa/send_message")
      return JSON.stringify({ status: 3, status_message: "badData" });
    const token = String(req.headers["x-viber-auth-token"] ?? "");
    if (token !== this.authToken) return JSON.stringify({ status: 2, status_message: "invalidAuthToken" });
    if (this.tooMany > 0) {
      this.tooMany--;
      return JSON.stringify({ status: 12, status_message: "tooManyRequests" });
    }
    const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as ViberCall["body"];
    this.calls.push({ token, body });
    // Viber's message tokens are 64-bit: written unquoted, as Viber writes them.
    return `{"status":0,"status_message":"ok","message_token":${this.nextToken++},"chat_hostname":"SN-CHAT-01_"}`;
  }
}
