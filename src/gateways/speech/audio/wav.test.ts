import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import { decodeWav, encodeWav, WavError } from "./wav.ts";

function stereoWav(left: number[], right: number[], rate: number): Buffer {
  const data = Buffer.alloc(left.length * 4);
  left.forEach((l, i) => {
    data.writeInt16LE(l, i * 4);
    data.writeInt16LE(right[i]!, i * 4 + 2);
  });
  const head = Buffer.alloc(44);
  head.write("RIFF", 0, "ascii");
  head.writeUInt32LE(36 + data.length, 4);
  head.write("WAVEfmt ", 8, "ascii");
  head.writeUInt32LE(16, 16);
  head.writeUInt16LE(1, 20);
  head.writeUInt16LE(2, 22);
  head.writeUInt32LE(rate, 24);
  head.writeUInt32LE(rate * 4, 28);
  head.writeUInt16LE(4, 32);
  head.writeUInt16LE(16, 34);
  head.write("data", 36, "ascii");
  head.writeUInt32LE(data.length, 40);
  return Buffer.concat([head, data]);
}

describe("WAV", () => {
  test("encode then decode gives back the same samples and rate", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(8000 as const, 16000 as const),
        fc.array(fc.integer({ min: -32768, max: 32767 })),
        (rate, xs) => {
          const samples = Int16Array.from(xs);
          const wav = encodeWav({ rate, samples });
          assert.equal(wav.length, 44 + samples.length * 2);
          assert.equal(wav.readUInt32LE(4), wav.length - 8);
          const back = decodeWav(wav);
          assert.equal(back.rate, rate);
          assert.deepEqual(Array.from(back.samples), xs);
        },
      ),
    );
  });

  test("stereo is mixed down to mono", () => {
    const back = decodeWav(stereoWav([100, -200, 3000], [300, -400, 1000], 44100));
    assert.equal(back.rate, 44100);
    assert.deepEqual(Array.from(back.samples), [200, -300, 2000]);
  });

  test("a streamed WAV whose data length was never filled in is read to the file's end", () => {
    const wav = encodeWav({ rate: 8000, samples: Int16Array.from([1, 2, 3]) });
    wav.writeUInt32LE(0x7ffff000, 40);
    assert.deepEqual(Array.from(decodeWav(wav).samples), [1, 2, 3]);
  });

  test("anything else is refused with a message that says what it is", () => {
    assert.throws(() => decodeWav(Buffer.from("ID3 not a wav at all")), /not a WAV file/);
    const float = encodeWav({ rate: 8000, samples: new Int16Array(4) });
    float.writeUInt16LE(3, 20);
    assert.throws(
      () => decodeWav(float),
      (e: unknown) => e instanceof WavError && /format 3/.test(e.message),
    );
    const eightBit = encodeWav({ rate: 8000, samples: new Int16Array(4) });
    eightBit.writeUInt16LE(8, 34);
    assert.throws(() => decodeWav(eightBit), /8-bit/);
    const sixChannels = encodeWav({ rate: 8000, samples: new Int16Array(4) });
    sixChannels.writeUInt16LE(6, 22);
    assert.throws(() => decodeWav(sixChannels), /6 channels/);
  });
});
