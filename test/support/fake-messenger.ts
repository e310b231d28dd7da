// A local stand-in for Messenger's Send API (reached through MESSENGER_API_BASE): a real HTTP server that takes
// POST /me/messages?access_token=… as JSON, or as multipart with `filedata` for an attachment, records every
// message, and answers as the Graph API does. It can refuse the next calls with error code 613 ("calls exceeded").
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface MessengerMessage {
  text?: string;
  quick_replies?: { content_type: string; title: string; payload: string }[];
  attachment?: {
    type: string;
    payload: {
      template_type?: string;
      text?: string;
      buttons?: { type: string; url: string; title: string }[];
    };
  };
}

export interface MessengerCall {
  token: string;
  recipient: string;
  messagingType: string;
  message: MessengerMessage;
  /** An uploaded file: its name, type and bytes. */
  file?: { name: string; type: string; bytes: Buffer };
}

export class FakeMessenger {
  readonly calls: MessengerCall[] = [];
  private tooMany = 0;
  private nextId = 1;

  private constructor(
    private readonly server: Server,
    readonly pageToken: string,
  ) {}

  static async start(pageToken: string): Promise<FakeMessenger> {
    let fake: FakeMessenger | undefined;
    const server = createServer((req, res) => {
      fake!.handle(req).then(
        ([status, body]) => {
          res.writeHead(status, { "content-type": "application/json" });
          res.end(JSON.stringify(body));
        },
        () => {
          res.writeHead(500);
          res.end();
        },
      );
    });
    fake = new FakeMessenger(server, pageToken);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return fake;
  }

  get apiBase(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  throttle(count: number): void {
    this.tooMany = count;
  }

  sentTo(recipient: string): MessengerCall[] {
    return this.calls.filter((c) => c.recipient === recipient);
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage): Promise<[number, Record<string, unknown>]> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    const url = new URL(req.url ?? "/", "http://fake");
    if (req.method !== "POST" || url.pathname !== "/me/messages")
      return [404, { error: { message: "Unknown path", type: "OAuthException", code: 803 } }];
    const token = url.searchParams.get("access_token") ?? "";
    if (token !== this.pageToken)
      return [400, { error: { message: "Invalid OAuth access token.", type: "OAuthException", code: 190 } }];
    if (this.tooMany > 0) {
      this.tooMany--;
      return [
        400,
        {
          error: {
            message: "Calls to this api have exceeded the rate limit.",
            type: "OAuthException",
            code: 613,
          },
        },
      ];
    }
    const type = req.headers["content-type"] ?? "";
    const fields = type.includes("json")
      ? (JSON.parse(raw.toString("utf8")) as Record<string, unknown>)
      : multipart(raw, type);
    const recipient =
      typeof fields["recipient"] === "string" ? JSON.parse(fields["recipient"]) : fields["recipient"];
    const message = typeof fields["message"] === "string" ? JSON.parse(fields["message"]) : fields["message"];
    const id = (recipient as { id?: string } | undefined)?.id;
    if (!id || !message)
      return [400, { error: { message: "(#100) The parameter recipient is required", code: 100 } }];
    const file = fields["filedata"] as MessengerCall["file"];
    this.calls.push({
      token,
      recipient: id,
      messagingType: String(fields["messaging_type"] ?? ""),
      message: message as MessengerMessage,
      ...(file ? { file } : {}),
    });
    return [200, { recipient_id: id, message_id: `m_${this.nextId++}` }];
  }
}

/** The fields of a multipart/form-data body: text fields as strings, a file part as its name, type and bytes. */
function multipart(raw: Buffer, type: string): Record<string, unknown> {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(type);
  const mark = Buffer.from(`--${boundary?.[1] ?? boundary?.[2]}`);
  const fields: Record<string, unknown> = {};
  let at = raw.indexOf(mark);
  while (at >= 0) {
    const next = raw.indexOf(mark, at + mark.length);
    if (next < 0) break;
    const part = raw.subarray(at + mark.length + 2, next - 2);
    const split = part.indexOf("\r\n\r\n");
    const head = part.subarray(0, split).toString("utf8");
    const body = part.subarray(split + 4);
    const name = /name="([^"]+)"/.exec(head)?.[1];
    const fileName = /filename="([^"]*)"/.exec(head)?.[1];
    if (name)
      fields[name] =
        fileName !== undefined
          ? {
              name: fileName,
              type: /content-type:\s*([^\r\n]+)/i.exec(head)?.[1] ?? "",
              bytes: Buffer.from(body),
            }
          : body.toString("utf8");
    at = next;
  }
  return fields;
}
