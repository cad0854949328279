/**
 * What an uploaded file really is, read from its bytes: its type (JPEG, PNG, PDF, MP4 or
 * QuickTime video), an image's width and height, a video's duration. The backend trusts these,
 * never what the phone said about the file. Pure: bytes in, facts out.
 */

export interface MediaFacts {
  mime: 'image/jpeg' | 'image/png' | 'application/pdf' | 'video/mp4' | 'video/quicktime';
  width?: number;
  height?: number;
  durationSec?: number;
}

const ascii = (b: Uint8Array, from: number, n: number) => String.fromCharCode(...b.subarray(from, from + n));
const u16 = (b: Uint8Array, i: number) => (b[i] << 8) | b[i + 1];
const u32 = (b: Uint8Array, i: number) => ((b[i] << 24) >>> 0) + ((b[i + 1] << 16) | (b[i + 2] << 8) | b[i + 3]);
const u64 = (b: Uint8Array, i: number) => u32(b, i) * 2 ** 32 + u32(b, i + 4);

function png(b: Uint8Array): MediaFacts | null {
  const magic = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (b.length < 8 || !magic.every((m, i) => b[i] === m)) return null;
  // The size is in the first chunk (IHDR); without it, a PNG of unknown size.
  if (b.length < 24 || ascii(b, 12, 4) !== 'IHDR') return { mime: 'image/png' };
  return { mime: 'image/png', width: u32(b, 16), height: u32(b, 20) };
}

/** JPEG: the frame header (SOFn, but not DHT C4, JPG C8, DAC CC) holds the size. */
function jpeg(b: Uint8Array): MediaFacts | null {
  if (b.length < 4 || b[0] !== 0xff || b[1] !== 0xd8 || b[2] !== 0xff) return null;
  let i = 2;
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return { mime: 'image/jpeg' };
    const marker = b[i + 1];
    if (marker === 0xff) {
      i += 1;
      continue;
    }
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { mime: 'image/jpeg', height: u16(b, i + 5), width: u16(b, i + 7) };
    }
    if (marker === 0xd9 || marker === 0xda) break;
    i += 2 + u16(b, i + 2);
  }
  return { mime: 'image/jpeg' };
}

/** The boxes of an ISO media file between `from` and `to`: [type, start, end, header size]. */
function* boxes(b: Uint8Array, from: number, to: number): Generator<[string, number, number, number]> {
  let i = from;
  while (i + 8 <= to) {
    let size = u32(b, i);
    let header = 8;
    if (size === 1 && i + 16 <= to) {
      size = u64(b, i + 8);
      header = 16;
    } else if (size === 0) {
      size = to - i;
    }
    if (size < header) return;
    yield [ascii(b, i + 4, 4), i, Math.min(i + size, to), header];
    i += size;
  }
}

/** MP4 / QuickTime: the brand in `ftyp`, the duration in `moov/mvhd` (timescale units). */
function isoVideo(b: Uint8Array): MediaFacts | null {
  if (b.length < 12 || ascii(b, 4, 4) !== 'ftyp') return null;
  const mime = ascii(b, 8, 4) === 'qt  ' ? 'video/quicktime' : 'video/mp4';
  for (const [type, start, end, header] of boxes(b, 0, b.length)) {
    if (type !== 'moov') continue;
    for (const [inner, s] of boxes(b, start + header, end)) {
      if (inner !== 'mvhd' || s + 40 > end) continue;
      const v1 = b[s + 8] === 1;
      const timescale = u32(b, s + (v1 ? 28 : 20));
      const duration = v1 ? u64(b, s + 32) : u32(b, s + 24);
      if (timescale > 0) return { mime, durationSec: duration / timescale };
    }
  }
  return { mime };
}

export function sniffMedia(bytes: Uint8Array): MediaFacts | null {
  if (bytes.length >= 5 && ascii(bytes, 0, 5) === '%PDF-') return { mime: 'application/pdf' };
  return png(bytes) ?? jpeg(bytes) ?? isoVideo(bytes);
}
