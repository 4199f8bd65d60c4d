/**
 * An import's file, written to a temporary file as it arrives so that it can be read twice (checked, then
 * written) without being held in memory, and refused (413) as soon as it passes the limit.
 */
import { createReadStream, createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { AtriumError } from "@atrium/core";

export interface SpooledBody {
  size: number;
  /** The bytes from the start, each time. */
  open(): AsyncIterable<Uint8Array>;
  remove(): Promise<void>;
}

export async function spoolBody(
  body: ReadableStream<Uint8Array> | null,
  maxBytes: number,
): Promise<SpooledBody> {
  const folder = await mkdtemp(join(tmpdir(), "atrium-import-"));
  const path = join(folder, "file");
  const remove = () => rm(folder, { recursive: true, force: true });
  let size = 0;
  const limit = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      if (size > maxBytes) done(tooLarge(maxBytes));
      else done(null, chunk);
    },
  });
  try {
    const source = body ? Readable.fromWeb(body as never) : Readable.from([]);
    await pipeline(source, limit, createWriteStream(path));
  } catch (error) {
    await remove();
    throw error instanceof AtriumError
      ? error
      : new AtriumError("bad_request", "The file did not arrive whole; send it again", { cause: error });
  }
  return { size, open: () => createReadStream(path), remove };
}

export function tooLarge(maxBytes: number): AtriumError {
  const megabytes = (maxBytes / 1024 / 1024).toLocaleString("en", { maximumFractionDigits: 1 });
  return new AtriumError(
    "payload_too_large",
    `The file is larger than ${megabytes} MB, the most one import takes; split it into smaller files`,
  );
}
