// Draws the VănThư icon (resources/icon.png 512×512, resources/icon.ico 16–256) with Node alone:
// a dark-blue rounded square, a white document with a folded corner and lines of text, and a red
// seal (the round stamp on Vietnamese official letters). Run `node scripts/make-icon.mjs` after
// changing the drawing; the outputs are committed.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import zlib from 'node:zlib';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

// --- The drawing, in a 512×512 space ------------------------------------------------------------

const hex = (value) => [1, 3, 5].map((i) => parseInt(value.slice(i, i + 2), 16));
const BLUE_TOP = hex('#1a6cc0');
const BLUE_BOTTOM = hex('#0a3566');
const WHITE = hex('#ffffff');
const FOLD = hex('#c6d6ea');
const INK = hex('#0f5ea8');
const SEAL = hex('#d4272e');

function inRoundedRect(x, y, x0, y0, x1, y1, r) {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

function inPolygon(x, y, points) {
  let inside = false;
  for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
    const [xi, yi] = points[i];
    const [xj, yj] = points[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

const DOC = [[128, 84], [316, 84], [384, 152], [384, 428], [128, 428]];
const FOLD_TRIANGLE = [[316, 84], [316, 152], [384, 152]];
const LINES = [
  [172, 128, 268, 146], // the agency line at the top
  [172, 190, 340, 206],
  [172, 230, 340, 246],
  [172, 270, 340, 286],
  [172, 310, 262, 326],
];
const SEAL_CENTER = [338, 376];
const STAR = Array.from({ length: 10 }, (_, i) => {
  const angle = -Math.PI / 2 + (i * Math.PI) / 5;
  const radius = i % 2 === 0 ? 30 : 12;
  return [SEAL_CENTER[0] + radius * Math.cos(angle), SEAL_CENTER[1] + radius * Math.sin(angle)];
});

/** Colour and opacity of the point (x, y) of the 512 space; null outside the icon. */
function paint(x, y) {
  if (!inRoundedRect(x, y, 8, 8, 504, 504, 104)) return null;
  const t = y / 512;
  let colour = BLUE_TOP.map((c, i) => c + (BLUE_BOTTOM[i] - c) * t);
  if (inPolygon(x, y, DOC)) colour = WHITE;
  if (inPolygon(x, y, FOLD_TRIANGLE)) colour = FOLD;
  for (const [x0, y0, x1, y1] of LINES) if (inRoundedRect(x, y, x0, y0, x1, y1, 8)) colour = INK;
  const d = Math.hypot(x - SEAL_CENTER[0], y - SEAL_CENTER[1]);
  if (d <= 70) colour = WHITE; // a white halo separates the seal from the page and the background
  if (d <= 62 && d >= 48) colour = SEAL;
  if (inPolygon(x, y, STAR)) colour = SEAL;
  return colour;
}

/** RGBA pixels at `size`×`size`, 4×4 samples per pixel for smooth edges at every size. */
function render(size) {
  const samples = 4;
  const pixels = Buffer.alloc(size * size * 4);
  const scale = 512 / size;
  for (let py = 0; py < size; py += 1) {
    for (let px = 0; px < size; px += 1) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < samples; sy += 1) {
        for (let sx = 0; sx < samples; sx += 1) {
          const colour = paint((px + (sx + 0.5) / samples) * scale, (py + (sy + 0.5) / samples) * scale);
          if (colour === null) continue;
          r += colour[0];
          g += colour[1];
          b += colour[2];
          a += 1;
        }
      }
      const offset = (py * size + px) * 4;
      if (a > 0) {
        pixels[offset] = Math.round(r / a);
        pixels[offset + 1] = Math.round(g / a);
        pixels[offset + 2] = Math.round(b / a);
      }
      pixels[offset + 3] = Math.round((a / (samples * samples)) * 255);
    }
  }
  return pixels;
}

// --- PNG and ICO files ---------------------------------------------------------------------------

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function png(size, pixels) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y += 1) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    pixels.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A 32-bit DIB for the small icon sizes (what every Windows version and NSIS read). */
function dib(size, pixels) {
  const header = Buffer.alloc(40);
  header.writeUInt32LE(40, 0);
  header.writeInt32LE(size, 4);
  header.writeInt32LE(size * 2, 8); // XOR image + AND mask
  header.writeUInt16LE(1, 12);
  header.writeUInt16LE(32, 14);
  const xor = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) {
      const from = (y * size + x) * 4;
      const to = ((size - 1 - y) * size + x) * 4; // bottom-up, BGRA
      xor[to] = pixels[from + 2];
      xor[to + 1] = pixels[from + 1];
      xor[to + 2] = pixels[from];
      xor[to + 3] = pixels[from + 3];
    }
  }
  const maskRow = Math.ceil(size / 32) * 4;
  return Buffer.concat([header, xor, Buffer.alloc(maskRow * size)]);
}

function ico(images) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  const entries = [];
  let offset = 6 + 16 * images.length;
  for (const { size, data } of images) {
    const entry = Buffer.alloc(16);
    entry[0] = size >= 256 ? 0 : size;
    entry[1] = size >= 256 ? 0 : size;
    entry.writeUInt16LE(1, 4);
    entry.writeUInt16LE(32, 6);
    entry.writeUInt32LE(data.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += data.length;
    entries.push(entry);
  }
  return Buffer.concat([header, ...entries, ...images.map((image) => image.data)]);
}

writeFileSync(path.join(root, 'resources', 'icon.png'), png(512, render(512)));
const icoImages = [16, 24, 32, 48, 64, 128, 256].map((size) => ({
  size,
  data: size >= 128 ? png(size, render(size)) : dib(size, render(size)),
}));
writeFileSync(path.join(root, 'resources', 'icon.ico'), ico(icoImages));
console.log('Đã vẽ resources/icon.png (512×512) và resources/icon.ico (16–256).');
