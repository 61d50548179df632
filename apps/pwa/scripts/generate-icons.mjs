// Draws the app icons (a white calendar with a check mark on blue) into public/icons/ as PNG.
// Run once after changing the design: `node scripts/generate-icons.mjs`. The PNGs are committed,
// so the build needs no image tooling.
import { writeFileSync, mkdirSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const BLUE = [29, 78, 216];
const WHITE = [255, 255, 255];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
function encodePng(size, pixel) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel(x, y);
      raw.set([r, g, b, a], y * (size * 4 + 1) + 1 + x * 4);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  const sig = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);
  return Buffer.concat([sig, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

// Shapes in unit coordinates (0..1); each returns true when the point is inside.
const roundedRect = (x0, y0, x1, y1, r) => (x, y) => {
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return x >= x0 && x <= x1 && y >= y0 && y <= y1 && (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};
const segment = (ax, ay, bx, by, w) => (x, y) => {
  const t = Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
  return (x - ax - t * (bx - ax)) ** 2 + (y - ay - t * (by - ay)) ** 2 <= (w / 2) ** 2;
};

function colourAt(x, y, { maskable }) {
  const s = maskable ? 0.72 : 1; // maskable icons keep the glyph inside the 80% safe zone
  const u = 0.5 + (x - 0.5) / s;
  const v = 0.5 + (y - 0.5) / s;
  const background = maskable ? () => true : roundedRect(0, 0, 1, 1, 0.2);
  if (!background(x, y)) return [0, 0, 0, 0];
  const page = roundedRect(0.2, 0.26, 0.8, 0.8, 0.06);
  const header = roundedRect(0.2, 0.26, 0.8, 0.38, 0.06);
  const rings = [segment(0.35, 0.18, 0.35, 0.3, 0.06), segment(0.65, 0.18, 0.65, 0.3, 0.06)];
  const check = [segment(0.36, 0.6, 0.46, 0.7, 0.07), segment(0.46, 0.7, 0.65, 0.48, 0.07)];
  if (rings.some((f) => f(u, v))) return [...WHITE, 255];
  if (check.some((f) => f(u, v))) return [...BLUE, 255];
  if (header(u, v)) return [...WHITE, 255];
  if (page(u, v)) return v > 0.38 && v < 0.41 ? [...BLUE, 255] : [...WHITE, 255];
  return [...BLUE, 255];
}

function icon(size, options) {
  const samples = 4; // supersampling for smooth edges
  return encodePng(size, (px, py) => {
    const acc = [0, 0, 0, 0];
    for (let i = 0; i < samples; i++) {
      for (let j = 0; j < samples; j++) {
        const c = colourAt((px + (i + 0.5) / samples) / size, (py + (j + 0.5) / samples) / size, options);
        for (let k = 0; k < 3; k++) acc[k] += c[k] * c[3];
        acc[3] += c[3];
      }
    }
    const a = acc[3] / (samples * samples);
    return a === 0 ? [0, 0, 0, 0] : [acc[0] / acc[3], acc[1] / acc[3], acc[2] / acc[3], a].map(Math.round);
  });
}

const out = new URL('../public/icons/', import.meta.url);
mkdirSync(out, { recursive: true });
writeFileSync(new URL('icon-192.png', out), icon(192, { maskable: false }));
writeFileSync(new URL('icon-512.png', out), icon(512, { maskable: false }));
writeFileSync(new URL('icon-maskable-512.png', out), icon(512, { maskable: true }));
writeFileSync(new URL('apple-touch-icon.png', out), icon(180, { maskable: true }));
console.log('icons written to public/icons/');
