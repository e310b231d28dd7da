// A real SMTP server for tests, run as a child process: `node --import tsx test/support/smtp-sink.ts <port>`.
// Prints {"listening":port} once ready, then one JSON line per received message: envelope, headers and the
// text body decoded (base64 / quoted-printable, encoded-word subjects), so a test can read what a mailbox would.
import { SMTPServer } from "smtp-server";

const port = Number(process.argv[2] ?? 0);

function decodeWords(value: string): string {
  return value.replace(
    /=\?([^?]+)\?([BbQq])\?([^?]*)\?=\s*/g,
    (_m, _charset: string, enc: string, text: string) =>
      enc.toUpperCase() === "B"
        ? Buffer.from(text, "base64").toString("utf8")
        : decodeQuotedPrintable(text.replace(/_/g, " ")),
  );
}

function decodeQuotedPrintable(text: string): string {
  const bytes = text
    .replace(/=\r?\n/g, "")
    .replace(/=([0-9A-Fa-f]{2})/g, (_m, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
  return Buffer.from(bytes, "latin1").toString("utf8");
}

function parse(raw: string) {
  const split = raw.indexOf("\r\n\r\n");
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, " ");
  const body = raw.slice(split + 4);
  const headers: Record<string, string> = {};
  for (const line of head.split("\r\n")) {
    const colon = line.indexOf(":");
    if (colon > 0) headers[line.slice(0, colon).toLowerCase()] = decodeWords(line.slice(colon + 1).trim());
  }
  const encoding = (headers["content-transfer-encoding"] ?? "7bit").toLowerCase();
  const text =
    encoding === "base64"
      ? Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8")
      : encoding === "quoted-printable"
        ? decodeQuotedPrintable(body)
        : Buffer.from(body, "latin1").toString("utf8");
  return { headers, text };
}

const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  logger: false,
  onData(stream, session, callback) {
    const chunks: Buffer[] = [];
    stream.on("data", (c: Buffer) => chunks.push(c));
    stream.on("end", () => {
      const { headers, text } = parse(Buffer.concat(chunks).toString("latin1"));
      const envelope = {
        from: session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
        to: session.envelope.rcptTo.map((r) => r.address),
      };
      process.stdout.write(`${JSON.stringify({ envelope, subject: headers["subject"], headers, text })}\n`);
      callback();
    });
  },
});

server.listen(port, "127.0.0.1", () => {
  const address = server.server.address();
  process.stdout.write(
    `${JSON.stringify({ listening: typeof address === "object" ? address?.port : port })}\n`,
  );
});
process.on("SIGTERM", () => server.close(() => process.exit(0)));
