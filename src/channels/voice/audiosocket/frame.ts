// Asterisk's AudioSocket wire format: 1 byte kind, 2 bytes big-endian payload length, payload.
// Asterisk writes whatever the TCP stack gives it, so frames arrive split and coalesced; the decoder is
// incremental and never trusts a length it has not capped.
import { endianness } from "node:os";
import type { SampleRate } from "../audio/pcm.ts";

export const FrameKind = {
  hangup: 0x00,
  uuid: 0x01,
  dtmf: 0x03,
  /** Signed linear 16-bit little-endian mono at 8 kHz; 0x11…0x18 are slin12…slin192 (newer Asterisk). */
  audio8k: 0x10,
  audio16k: 0x12,
  error: 0xff,
} as const;

export interface Frame {
  kind: number;
  payload: Buffer;
}

/** First and last audio kinds Asterisk defines (slin … slin192); only 0x10 and 0x12 are spoken here. */
const firstAudioKind = 0x10;
const lastAudioKind = 0x18;
const dtmfKeys = "0123456789*#ABCD";
const headerBytes = 3;
/** 20 ms of slin192 is 7680 bytes; anything far beyond a frame is garbage, not audio. */
export const defaultMaxPayload = 8192;

export class AudioSocketProtocolError extends Error {
  override name = "AudioSocketProtocolError";
}

export const isAudioKind = (kind: number): boolean => kind >= firstAudioKind && kind <= lastAudioKind;

export const audioKindRate = (kind: number): SampleRate | undefined =>
  kind === FrameKind.audio8k ? 8000 : kind === FrameKind.audio16k ? 16000 : undefined;

export const audioKindFor = (rate: SampleRate): number =>
  rate === 8000 ? FrameKind.audio8k : FrameKind.audio16k;

export const encodeFrame = (kind: number, payload: Uint8Array = Buffer.alloc(0)): Buffer => {
  if (payload.length > 0xffff)
    throw new RangeError(`AudioSocket payload of ${payload.length} bytes exceeds 65535`);
  const frame = Buffer.allocUnsafe(headerBytes + payload.length);
  frame[0] = kind;
  frame.writeUInt16BE(payload.length, 1);
  frame.set(payload, headerBytes);
  return frame;
};

/** On little-endian hosts (all we deploy on) samples copy byte for byte; elsewhere they are swapped. */
const littleEndianHost = endianness() === "LE";

/** Little-endian wire bytes of PCM samples. Every call does this 50 times a second, so it is a copy. */
export const encodeAudioFrame = (rate: SampleRate, samples: Int16Array): Buffer => {
  const frame = Buffer.allocUnsafe(headerBytes + samples.length * 2);
  frame[0] = audioKindFor(rate);
  frame.writeUInt16BE(samples.length * 2, 1);
  if (littleEndianHost)
    frame.set(new Uint8Array(samples.buffer, samples.byteOffset, samples.byteLength), headerBytes);
  else for (let i = 0; i < samples.length; i++) frame.writeInt16LE(samples[i] ?? 0, headerBytes + i * 2);
  return frame;
};

export const decodeSamples = (payload: Buffer): Int16Array => {
  const samples = new Int16Array(payload.length >> 1);
  if (littleEndianHost) new Uint8Array(samples.buffer).set(payload.subarray(0, samples.length * 2));
  else for (let i = 0; i < samples.length; i++) samples[i] = payload.readInt16LE(i * 2);
  return samples;
};

export const uuidToBytes = (uuid: string): Buffer => {
  const hex = uuid.replaceAll("-", "");
  if (!/^[0-9a-fA-F]{32}$/.test(hex)) throw new RangeError(`not a UUID: ${uuid}`);
  return Buffer.from(hex, "hex");
};

/** Canonical lower-case 8-4-4-4-12 form. */
export const uuidFromBytes = (bytes: Buffer): string => {
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};

const checkPayload = (kind: number, length: number): string | undefined => {
  if (kind === FrameKind.hangup) return undefined; // length ignored: socket closure is equally final
  if (kind === FrameKind.uuid)
    return length === 16 ? undefined : `UUID payload of ${length} bytes, expected 16`;
  if (kind === FrameKind.dtmf)
    return length === 1 ? undefined : `DTMF payload of ${length} bytes, expected 1`;
  if (kind === FrameKind.error) return length <= 1 ? undefined : `error payload of ${length} bytes`;
  if (isAudioKind(kind)) return length % 2 === 0 ? undefined : `odd audio payload of ${length} bytes`;
  return `unknown frame kind 0x${kind.toString(16).padStart(2, "0")}`;
};

/**
 * Incremental decoder: push whatever the socket delivered, get the complete frames. After a protocol error
 * it stays failed (the stream has lost its framing) and every push throws.
 */
export class FrameDecoder {
  private pending: Buffer = Buffer.alloc(0);
  private failure: AudioSocketProtocolError | undefined;

  constructor(private readonly maxPayload = defaultMaxPayload) {}

  push(chunk: Buffer): Frame[] {
    if (this.failure) throw this.failure;
    this.pending = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
    const frames: Frame[] = [];
    let at = 0;
    while (this.pending.length - at >= headerBytes) {
      const kind = this.pending[at] ?? 0;
      const length = this.pending.readUInt16BE(at + 1);
      const problem =
        length > this.maxPayload
          ? `payload of ${length} bytes exceeds ${this.maxPayload}`
          : checkPayload(kind, length);
      if (problem) {
        this.failure = new AudioSocketProtocolError(problem);
        this.pending = Buffer.alloc(0);
        throw this.failure;
      }
      if (this.pending.length - at < headerBytes + length) break;
      const payload = Buffer.from(this.pending.subarray(at + headerBytes, at + headerBytes + length));
      if (kind === FrameKind.dtmf && !dtmfKeys.includes(String.fromCharCode(payload[0] ?? 0))) {
        this.failure = new AudioSocketProtocolError(
          `DTMF payload 0x${(payload[0] ?? 0).toString(16)} is not a key`,
        );
        throw this.failure;
      }
      frames.push({ kind, payload });
      at += headerBytes + length;
    }
    this.pending = at === 0 ? this.pending : Buffer.from(this.pending.subarray(at));
    return frames;
  }

  /** Bytes of an incomplete frame still waiting for the rest. */
  get buffered(): number {
    return this.pending.length;
  }
}
