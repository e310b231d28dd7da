// A local stand-in for a self-hosted Whisper server (POST /v1/audio/transcriptions, real HTTP and multipart),
// answering each call's utterances with the next line of that call's script. It checks the WAV as strictly as a
// real decoder would, so a test learns when the adapter sends a broken file, and records each one's duration so
// a test can see that the utterance it sent is the one that arrived.
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

export interface TranscriptionRequest {
  callId: string;
  durationMs: number;
  rate: number;
  language: string | null;
  prompt: string | null;
  model: string | null;
  responseFormat: string | null;
}

export interface TranscriptionServerOptions {
  /** The next text for a call: a list consumed in order, or a function. Nothing left: an empty transcription. */
  script: Map<string, string[]> | ((callId: string) => string | undefined);
  /** Answer this long after the request arrived (a slow server, for timeouts). */
  delayMs?: (callId: string) => number;
  /** Answer with this HTTP status instead of a transcription. */
  failWith?: (callId: string) => number | undefined;
  /** false: refuse response_format=verbose_json with 400 as a json-only server does. Default true. */
  verboseJson?: boolean;
  /** The avg_logprob of verbose_json's one segment. */
  avgLogprob?: number;
}

export interface TranscriptionServer {
  url: string;
  requests: TranscriptionRequest[];
  close(): Promise<void>;
}

/** Checks a RIFF/WAVE PCM 16-bit mono file whose chunk lengths add up; returns its rate and sample count. */
export function strictWav(buf: Buffer): { rate: number; samples: number } | string {
  if (buf.length < 44) return "shorter than a WAV header";
  if (buf.toString("ascii", 0, 4) !== "RIFF" || buf.toString("ascii", 8, 12) !== "WAVE")
    return "not RIFF/WAVE";
  if (buf.readUInt32LE(4) !== buf.length - 8) return `RIFF length ${buf.readUInt32LE(4)} ≠ file length − 8`;
  let at = 12;
  let fmt: { rate: number } | undefined;
  while (at + 8 <= buf.length) {
    const id = buf.toString("ascii", at, at + 4);
    const size = buf.readUInt32LE(at + 4);
    const body = at + 8;
    if (body + size > buf.length) return `chunk "${id}" runs past the end of the file`;
    if (id === "fmt ") {
      if (buf.readUInt16LE(body) !== 1) return "not PCM";
      if (buf.readUInt16LE(body + 2) !== 1) return "not mono";
      if (buf.readUInt16LE(body + 14) !== 16) return "not 16-bit";
      const rate = buf.readUInt32LE(body + 4);
      if (buf.readUInt32LE(body + 8) !== rate * 2 || buf.readUInt16LE(body + 12) !== 2)
        return "inconsistent fmt";
      fmt = { rate };
    } else if (id === "data") {
      if (!fmt) return "data before fmt";
      if (size % 2 !== 0) return "odd data length";
      if (body + size !== buf.length) return "bytes after the data chunk";
      return { rate: fmt.rate, samples: size / 2 };
    }
    at = body + size + (size % 2);
  }
  return "no data chunk";
}

async function formOf(req: IncomingMessage): Promise<FormData> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const headers = new Headers();
  for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
  return new Request("http://local/", { method: "POST", headers, body: Buffer.concat(chunks) }).formData();
}

const field = (form: FormData, name: string): string | null => {
  const v = form.get(name);
  return typeof v === "string" ? v : null;
};

export async function startTranscriptionServer(
  options: TranscriptionServerOptions,
): Promise<TranscriptionServer> {
  const requests: TranscriptionRequest[] = [];
  const nextText = (callId: string): string => {
    if (typeof options.script === "function") return options.script(callId) ?? "";
    return options.script.get(callId)?.shift() ?? "";
  };
  const server = createServer(async (req, res) => {
    const reply = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    if (req.method !== "POST" || req.url !== "/v1/audio/transcriptions")
      return reply(404, { error: "not found" });
    const callId = String(req.headers["x-abonent-call"] ?? "");
    let form: FormData;
    try {
      form = await formOf(req);
    } catch {
      return reply(400, { error: "not multipart/form-data" });
    }
    const file = form.get("file");
    if (!(file instanceof Blob)) return reply(400, { error: "no file" });
    const wav = strictWav(Buffer.from(await file.arrayBuffer()));
    if (typeof wav === "string") return reply(400, { error: `invalid WAV: ${wav}` });
    const responseFormat = field(form, "response_format");
    if (responseFormat === "verbose_json" && options.verboseJson === false)
      return reply(400, { error: "unsupported response_format" });
    requests.push({
      callId,
      durationMs: (wav.samples * 1000) / wav.rate,
      rate: wav.rate,
      language: field(form, "language"),
      prompt: field(form, "prompt"),
      model: field(form, "model"),
      responseFormat,
    });
    const delay = options.delayMs?.(callId) ?? 0;
    if (delay > 0) await new Promise((r) => setTimeout(r, delay));
    const status = options.failWith?.(callId);
    if (status !== undefined) return reply(status, { error: "scripted failure" });
    const text = nextText(callId);
    if (responseFormat !== "verbose_json") return reply(200, { text });
    const duration = wav.samples / wav.rate;
    reply(200, {
      task: "transcribe",
      language: field(form, "language") ?? "uk",
      duration,
      text,
      segments: [{ id: 0, start: 0, end: duration, text, avg_logprob: options.avgLogprob ?? -0.2 }],
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
