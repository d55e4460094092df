/**
 * A placeholder emblem for the demo office's kop surat, drawn here pixel by pixel: a shield with
 * a star and a river band. It is deliberately not the Kabupaten Nganjuk coat of arms (an office
 * uploads its own logo); it only shows where a logo goes. Also a known-good PNG for the tests.
 */
import zlib from 'node:zlib';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(b: Buffer): number {
  let c = 0xffffffff;
  for (const byte of b) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** An 8-bit RGBA PNG of `width` × `height` pixels from `pixel(x, y)` → [r, g, b, a]. */
export function encodePng(width: number, height: number, pixel: (x: number, y: number) => readonly [number, number, number, number]): Buffer {
  const raw = Buffer.alloc(height * (1 + width * 4));
  for (let y = 0; y < height; y++) {
    const row = y * (1 + width * 4);
    raw[row] = 0; // filter: none
    for (let x = 0; x < width; x++) raw.set(pixel(x, y), row + 1 + x * 4);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8 bits, RGBA, deflate, no filter, no interlace
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

/** Whether (x, y) lies inside the polygon (even-odd rule). */
function inside(x: number, y: number, poly: readonly (readonly [number, number])[]): boolean {
  let hit = false;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const [xi, yi] = poly[i]!;
    const [xj, yj] = poly[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) hit = !hit;
  }
  return hit;
}

export function demoLogoPng(): Buffer {
  const W = 200;
  const H = 240;
  const cx = W / 2;
  // The shield: straight sides down to 55 %, then curving to a point.
  const halfWidth = (y: number) => (y < 12 ? -1 : y < H * 0.55 ? 88 : 88 * Math.sqrt(Math.max(0, 1 - ((y - H * 0.55) / (H * 0.45 - 6)) ** 2)));
  const star = Array.from({ length: 10 }, (_, i) => {
    const r = i % 2 ? 20 : 48;
    const a = -Math.PI / 2 + (i * Math.PI) / 5;
    return [cx + r * Math.cos(a), 88 + r * Math.sin(a)] as const;
  });
  const GOLD = [201, 162, 39, 255] as const;
  const GREEN = [21, 101, 52, 255] as const;
  const WHITE = [255, 255, 255, 255] as const;
  const BLUE = [30, 96, 180, 255] as const;
  const NONE = [255, 255, 255, 0] as const;
  return encodePng(W, H, (x, y) => {
    const d = halfWidth(y) - Math.abs(x + 0.5 - cx);
    if (d < 0) return NONE;
    if (d < 7 || y < 19) return GOLD;
    if (inside(x + 0.5, y + 0.5, star)) return WHITE;
    const wave = 160 + 6 * Math.sin((x / W) * Math.PI * 4);
    if (y > wave && y < wave + 18) return BLUE;
    return GREEN;
  });
}
