import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import {
  AudioSocketProtocolError,
  decodeSamples,
  encodeAudioFrame,
  encodeFrame,
  FrameDecoder,
  FrameKind,
  uuidFromBytes,
  uuidToBytes,
} from "./frame.ts";

const frameArb = fc.oneof(
  fc.constant({ kind: FrameKind.hangup, payload: Buffer.alloc(0) }),
  fc.uuid().map((u) => ({ kind: FrameKind.uuid, payload: uuidToBytes(u) })),
  fc.constantFrom(..."0123456789*#ABCD").map((k) => ({ kind: FrameKind.dtmf, payload: Buffer.from(k) })),
  fc
    .tuple(fc.constantFrom(FrameKind.audio8k, FrameKind.audio16k), fc.integer({ min: 0, max: 640 }))
    .chain(([kind, n]) =>
      fc.uint8Array({ minLength: n * 2, maxLength: n * 2 }).map((b) => ({ kind, payload: Buffer.from(b) })),
    ),
  fc.option(fc.integer({ min: 0, max: 255 }), { nil: undefined }).map((code) => ({
    kind: FrameKind.error,
    payload: code === undefined ? Buffer.alloc(0) : Buffer.of(code),
  })),
);

describe("AudioSocket frames", () => {
  it("encodes the header as kind + big-endian length", () => {
    assert.deepEqual([...encodeFrame(FrameKind.hangup)], [0, 0, 0]);
    const audio = encodeAudioFrame(8000, Int16Array.of(1, -2));
    assert.deepEqual([...audio], [0x10, 0, 4, 1, 0, 0xfe, 0xff]);
    assert.deepEqual([...decodeSamples(audio.subarray(3))], [1, -2]);
  });

  it("round-trips UUIDs in canonical lower case", () => {
    const uuid = "0F8FAD5B-D9CB-469F-A165-70867728950E";
    assert.equal(uuidFromBytes(uuidToBytes(uuid)), uuid.toLowerCase());
  });

  it("decodes any frame sequence under any TCP chunking", () => {
    fc.assert(
      fc.property(
        fc.array(frameArb, { maxLength: 20 }),
        fc.array(fc.integer({ min: 1, max: 700 }), { minLength: 1 }),
        (frames, cuts) => {
          const wire = Buffer.concat(frames.map((f) => encodeFrame(f.kind, f.payload)));
          const decoder = new FrameDecoder();
          const got: Array<{ kind: number; payload: Buffer }> = [];
          let at = 0;
          for (let i = 0; at < wire.length; i++) {
            const size = cuts[i % cuts.length] ?? 1;
            got.push(...decoder.push(wire.subarray(at, at + size)));
            at += size;
          }
          assert.equal(decoder.buffered, 0);
          assert.deepEqual(
            got.map((f) => [f.kind, f.payload.toString("hex")]),
            frames.map((f) => [f.kind, f.payload.toString("hex")]),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it("rejects oversized, unknown and malformed frames with a protocol error, then stays failed", () => {
    const cases: Buffer[] = [
      Buffer.from([0x10, 0xff, 0xff]), // 65535-byte audio: over the cap
      Buffer.from([0x42, 0x00, 0x00]), // unknown kind
      Buffer.from([0x01, 0x00, 0x03, 1, 2, 3]), // short UUID
      Buffer.from([0x03, 0x00, 0x01, 0x5a]), // "Z" is no key
      Buffer.from([0x10, 0x00, 0x03, 1, 2, 3]), // half a sample
    ];
    for (const bytes of cases) {
      const decoder = new FrameDecoder();
      assert.throws(() => decoder.push(bytes), AudioSocketProtocolError, bytes.toString("hex"));
      assert.throws(() => decoder.push(encodeFrame(FrameKind.hangup)), AudioSocketProtocolError);
    }
  });

  it("never crashes on garbage: frames or a protocol error, nothing else", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
        const decoder = new FrameDecoder(4096);
        try {
          for (const frame of decoder.push(Buffer.from(bytes))) assert.ok(frame.payload.length <= 4096);
        } catch (error) {
          assert.ok(error instanceof AudioSocketProtocolError);
        }
      }),
    );
  });
});
