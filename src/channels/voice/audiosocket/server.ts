// The TCP side of Asterisk's AudioSocket(uuid, host:port): each connection is one call. A call is handed
// to the dialogue once we know who it is (the UUID frame) and at which rate it speaks (the first audio
// frame), and everything that can go wrong with it — a protocol error, a reset, the dialogue throwing —
// ends that call alone.
import { createServer, type Server, type Socket } from "node:net";
import type { Logger } from "pino";
import type { SampleRate } from "../audio/pcm.ts";
import { Endpointer } from "../audio/voice-activity.ts";
import { AudioSocketLeg, type CallLeg } from "../call-leg.ts";
import {
  AudioSocketProtocolError,
  audioKindRate,
  decodeSamples,
  encodeFrame,
  FrameDecoder,
  FrameKind,
  isAudioKind,
  uuidFromBytes,
} from "./frame.ts";

export interface AudioSocketServerOptions {
  port: number;
  host?: string;
  logger: Logger;
  onCall: (leg: CallLeg) => Promise<void>;
  /** A connection that has not identified itself by then is dropped. */
  uuidTimeoutMs?: number;
}

export interface AudioSocketServer {
  port: number;
  close(): Promise<void>;
  calls(): number;
}

/** Application error codes we send in 0xff frames (Asterisk's own codes are 0x01–0x04). */
export const ErrorCode = { protocol: 0x80, unsupportedRate: 0x81 } as const;

const closeGraceMs = 2000;

export const startAudioSocketServer = async (
  options: AudioSocketServerOptions,
): Promise<AudioSocketServer> => {
  const { logger } = options;
  const live = new Set<Connection>();
  const server: Server = createServer((socket) => {
    const connection = new Connection(socket, options);
    live.add(connection);
    socket.once("close", () => live.delete(connection));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host ?? "0.0.0.0", () => {
      server.off("error", reject);
      resolve();
    });
  });
  server.on("error", (error) => logger.error({ err: error }, "AudioSocket server error"));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : options.port;
  logger.info({ port }, "AudioSocket server listening");
  return {
    port,
    calls: () => live.size,
    close: async () => {
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      await Promise.all([...live].map((connection) => connection.shutDown()));
      await stopped;
    },
  };
};

/** One call's socket: decoding, the handshake, then frames to the leg. */
class Connection {
  private readonly decoder = new FrameDecoder();
  private readonly logger: Logger;
  private callId: string | undefined;
  private leg: AudioSocketLeg | undefined;
  /** Frames that arrived while the leg was being set up (the VAD loads asynchronously). */
  private queued: Array<{ kind: number; payload: Buffer }> | undefined;
  private readonly uuidTimer: NodeJS.Timeout;
  private readonly closed: Promise<void>;
  /** Set once the call is being ended for a fault: later frames are not looked at. */
  private failed = false;

  constructor(
    private readonly socket: Socket,
    private readonly options: AudioSocketServerOptions,
  ) {
    this.logger = options.logger.child({ remote: `${socket.remoteAddress}:${socket.remotePort}` });
    this.closed = new Promise((resolve) => socket.once("close", () => resolve()));
    socket.setNoDelay(true);
    this.uuidTimer = setTimeout(() => {
      this.logger.warn("AudioSocket connection sent no UUID within the time limit; dropped");
      socket.destroy();
    }, options.uuidTimeoutMs ?? 5000);
    socket.on("data", (chunk: Buffer) => this.receive(chunk));
    socket.on("error", (error) =>
      this.logger.debug({ err: error, callId: this.callId }, "AudioSocket socket error"),
    );
    socket.once("close", () => {
      clearTimeout(this.uuidTimer);
      this.leg?.socketClosed();
    });
  }

  async shutDown(): Promise<void> {
    if (this.leg) await Promise.race([this.leg.hangup(), delay(closeGraceMs)]);
    else if (!this.socket.destroyed) this.socket.end(encodeFrame(FrameKind.hangup));
    await Promise.race([this.closed, delay(closeGraceMs)]);
    this.socket.destroy();
  }

  private receive(chunk: Buffer): void {
    if (this.failed) return;
    let frames: ReturnType<FrameDecoder["push"]>;
    try {
      frames = this.decoder.push(chunk);
    } catch (error) {
      if (!(error instanceof AudioSocketProtocolError)) throw error;
      this.fail(ErrorCode.protocol, `AudioSocket protocol error: ${error.message}`);
      return;
    }
    for (const frame of frames) {
      if (this.socket.destroyed || this.failed) return;
      if (this.queued) this.queued.push(frame);
      else this.dispatch(frame.kind, frame.payload);
    }
  }

  private dispatch(kind: number, payload: Buffer): void {
    if (kind === FrameKind.hangup) {
      this.logger.info({ callId: this.callId }, "caller hung up");
      this.leg?.remoteClosed();
      this.socket.end();
      return;
    }
    if (kind === FrameKind.error) {
      this.logger.warn({ callId: this.callId, code: payload[0] }, "Asterisk reported an AudioSocket error");
      return;
    }
    if (kind === FrameKind.uuid) {
      if (this.callId) {
        this.fail(ErrorCode.protocol, "second UUID frame on one call");
        return;
      }
      this.callId = uuidFromBytes(payload);
      clearTimeout(this.uuidTimer);
      this.logger.info({ callId: this.callId }, "AudioSocket call connected");
      return;
    }
    if (!this.callId) {
      this.fail(ErrorCode.protocol, "frame before the UUID");
      return;
    }
    if (kind === FrameKind.dtmf) {
      this.leg?.keyPressed(String.fromCharCode(payload[0] ?? 0));
      return;
    }
    if (!isAudioKind(kind)) return;
    if (this.leg) {
      if (audioKindRate(kind) === this.leg.rate) this.leg.hear(decodeSamples(payload));
      else this.logger.warn({ callId: this.callId, kind }, "audio frame of another rate mid-call; ignored");
      return;
    }
    const rate = audioKindRate(kind);
    if (!rate) {
      this.fail(
        ErrorCode.unsupportedRate,
        `AudioSocket audio kind 0x${kind.toString(16)} is not supported: send slin (0x10, 8 kHz) or slin16 (0x12)`,
      );
      return;
    }
    this.startCall(this.callId, rate, payload);
  }

  private startCall(callId: string, rate: SampleRate, firstAudio: Buffer): void {
    this.queued = [{ kind: rate === 8000 ? FrameKind.audio8k : FrameKind.audio16k, payload: firstAudio }];
    Endpointer.create({ rate }).then(
      (endpointer) => {
        const leg = new AudioSocketLeg(
          callId,
          rate,
          { write: (frame) => this.socket.write(frame), end: () => this.socket.end() },
          endpointer,
          this.logger.child({ callId }),
        );
        this.leg = leg;
        if (this.socket.destroyed) {
          leg.socketClosed();
          return;
        }
        const queued = this.queued ?? [];
        this.queued = undefined;
        for (const frame of queued) this.dispatch(frame.kind, frame.payload);
        Promise.resolve()
          .then(() => this.options.onCall(leg))
          .then(
            () => leg.hangup(),
            (error: unknown) => {
              this.logger.error({ err: error, callId }, "voice dialogue failed; hanging up");
              return leg.hangup();
            },
          );
      },
      (error: unknown) =>
        this.fail(ErrorCode.protocol, `voice activity detector unavailable: ${String(error)}`),
    );
  }

  private fail(code: number, message: string): void {
    this.logger.error({ callId: this.callId }, message);
    this.failed = true;
    this.leg?.remoteClosed();
    if (!this.socket.destroyed) this.socket.end(encodeFrame(FrameKind.error, Uint8Array.of(code)));
    // A peer that ignores the error frame does not get to keep the socket.
    setTimeout(() => this.socket.destroy(), closeGraceMs).unref();
  }
}

const delay = (ms: number) =>
  new Promise<void>((resolve) => {
    setTimeout(resolve, ms).unref();
  });
