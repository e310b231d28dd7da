// WAV files as the speech engines exchange them: RIFF, 16-bit linear PCM. encodeWav writes mono; decodeWav also
// takes stereo (mixed down) because a provider's recorded prompt may come from any editor.
import type { Pcm } from "../../../channels/voice/audio/pcm.ts";

const HEADER_BYTES = 44;
const FORMAT_PCM = 1;
const FORMAT_EXTENSIBLE = 0xfffe;

export class WavError extends Error {}

export function encodeWav(pcm: Pcm): Buffer {
  const dataBytes = pcm.samples.length * 2;
  const buf = Buffer.alloc(HEADER_BYTES + dataBytes);
  buf.write("RIFF", 0, "ascii");
  buf.writeUInt32LE(36 + dataBytes, 4);
  buf.write("WAVE", 8, "ascii");
  buf.write("fmt ", 12, "ascii");
  buf.writeUInt32LE(16, 16);
  buf.writeUInt16LE(FORMAT_PCM, 20);
  buf.writeUInt16LE(1, 22);
  buf.writeUInt32LE(pcm.rate, 24);
  buf.writeUInt32LE(pcm.rate * 2, 28);
  buf.writeUInt16LE(2, 32);
  buf.writeUInt16LE(16, 34);
  buf.write("data", 36, "ascii");
  buf.writeUInt32LE(dataBytes, 40);
  for (let i = 0; i < pcm.samples.length; i++) buf.writeInt16LE(pcm.samples[i]!, HEADER_BYTES + i * 2);
  return buf;
}

interface Format {
  channels: number;
  rate: number;
}

function readFormat(buf: Buffer, at: number, size: number): Format {
  if (size < 16) throw new WavError("WAV: the fmt chunk is too short");
  let format = buf.readUInt16LE(at);
  const channels = buf.readUInt16LE(at + 2);
  const rate = buf.readUInt32LE(at + 4);
  const bits = buf.readUInt16LE(at + 14);
  // WAVE_FORMAT_EXTENSIBLE carries the real format in the first two bytes of its sub-format GUID.
  if (format === FORMAT_EXTENSIBLE && size >= 26) format = buf.readUInt16LE(at + 24);
  if (format !== FORMAT_PCM)
    throw new WavError(`WAV: only linear PCM is supported, this file has format ${format}`);
  if (bits !== 16) throw new WavError(`WAV: only 16-bit samples are supported, this file has ${bits}-bit`);
  if (channels !== 1 && channels !== 2)
    throw new WavError(`WAV: only mono or stereo is supported, this file has ${channels} channels`);
  if (rate < 1000 || rate > 192_000) throw new WavError(`WAV: an implausible sample rate ${rate}`);
  return { channels, rate };
}

/**
 * Reads a PCM16 WAV into mono samples. A data chunk that claims more bytes than the file holds is read to the
 * file's end: a program writing to a pipe (espeak-ng --stdout) cannot go back to fill in the real length.
 */
export function decodeWav(buf: Buffer): { rate: number; samples: Int16Array } {
  if (buf.length < 12 || buf.toString("ascii", 0, 4) !== "RIFF" || buf.toString("ascii", 8, 12) !== "WAVE")
    throw new WavError("not a WAV file (no RIFF/WAVE header)");
  let format: Format | undefined;
  let at = 12;
  while (at + 8 <= buf.length) {
    const id = buf.toString("ascii", at, at + 4);
    const size = buf.readUInt32LE(at + 4);
    const body = at + 8;
    if (id === "fmt ") format = readFormat(buf, body, Math.min(size, buf.length - body));
    else if (id === "data") {
      if (!format) throw new WavError("WAV: the data chunk comes before the fmt chunk");
      const available = Math.min(size, buf.length - body);
      const frameBytes = 2 * format.channels;
      const frames = Math.floor(available / frameBytes);
      const samples = new Int16Array(frames);
      for (let i = 0; i < frames; i++) {
        const p = body + i * frameBytes;
        samples[i] =
          format.channels === 1
            ? buf.readInt16LE(p)
            : Math.round((buf.readInt16LE(p) + buf.readInt16LE(p + 2)) / 2);
      }
      return { rate: format.rate, samples };
    }
    at = body + size + (size % 2); // chunks are padded to an even length
  }
  throw new WavError(format ? "WAV: no data chunk" : "WAV: no fmt chunk");
}
