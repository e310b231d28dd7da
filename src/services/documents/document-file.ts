// A document as a channel hands it out: its bytes (a stream as it is written, or a buffer), its media type and
// the file name to offer, with a few facts a channel may print about it.
import type { Readable } from "node:stream";
import { Type } from "typebox";

export interface DocumentFile {
  fileName: string;
  mediaType: string;
  content: Readable | Buffer;
}

/** The schema of a DocumentFile: not JSON, so only its type is checked; channels send the bytes themselves. */
export const DocumentFileSchema = <T extends DocumentFile>() =>
  Type.Unsafe<T>({ type: "object", description: "A file: its name, media type and bytes" });
