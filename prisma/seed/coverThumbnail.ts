/**
 * Tiny book-cover thumbnails as real PNG files, so the admin's Bytes fields have images to preview.
 * Encoded here (zlib only) to keep the seed free of image dependencies.
 */
import { crc32, deflateSync } from "node:zlib";

export const COVER_WIDTH = 24;
export const COVER_HEIGHT = 36;

export type Rgb = readonly [number, number, number];

/** A cover: a background, a spine stripe on the left and a title band a third of the way down. */
export function coverThumbnail(background: Rgb, accent: Rgb): Uint8Array<ArrayBuffer> {
  const rowBytes = 1 + COVER_WIDTH * 3;
  const pixels = Buffer.alloc(rowBytes * COVER_HEIGHT);
  for (let y = 0; y < COVER_HEIGHT; y += 1) {
    // Each scanline starts with its filter type; 0 means the bytes are stored as they are.
    pixels[y * rowBytes] = 0;
    for (let x = 0; x < COVER_WIDTH; x += 1) {
      const inBand = y >= 9 && y < 16 && x >= 5 && x < COVER_WIDTH - 3;
      const colour = x < 3 || inBand ? accent : background;
      pixels.set(colour, y * rowBytes + 1 + x * 3);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(COVER_WIDTH, 0);
  header.writeUInt32BE(COVER_HEIGHT, 4);
  header[8] = 8; // bits per channel
  header[9] = 2; // truecolour RGB
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(pixels, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
  // A copy: Buffer.concat may return a view into Node's shared pool, which Prisma's Bytes type rejects.
  return new Uint8Array(png);
}

function chunk(type: string, data: Buffer): Buffer {
  const typeAndData = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length, 0);
  const checksum = Buffer.alloc(4);
  checksum.writeUInt32BE(crc32(typeAndData), 0);
  return Buffer.concat([length, typeAndData, checksum]);
}

/** A muted colour from a hue in degrees; covers look better without saturated primaries. */
export function hslToRgb(hue: number, saturation: number, lightness: number): Rgb {
  const c = (1 - Math.abs(2 * lightness - 1)) * saturation;
  const h = (((hue % 360) + 360) % 360) / 60;
  const x = c * (1 - Math.abs((h % 2) - 1));
  const [r, g, b] =
    h < 1
      ? [c, x, 0]
      : h < 2
        ? [x, c, 0]
        : h < 3
          ? [0, c, x]
          : h < 4
            ? [0, x, c]
            : h < 5
              ? [x, 0, c]
              : [c, 0, x];
  const m = lightness - c / 2;
  return [Math.round((r + m) * 255), Math.round((g + m) * 255), Math.round((b + m) * 255)];
}
