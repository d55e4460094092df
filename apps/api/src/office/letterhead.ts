/**
 * The kop surat (letterhead) of an office, as printed at the top of every issued PDF: the
 * regional government, the agency, its address and contact line, and an optional logo. What an
 * office has not configured falls back to its name and regency, so a new office prints a sensible
 * kop from its first day.
 */
import zlib from 'node:zlib';
import { fail, fieldProblem, type Bilingual } from '../common/errors';

/** A logo of a kop is a small picture printed ~2 cm wide: 512 KiB and 2000 px a side are plenty. */
export const LOGO_MAX_BYTES = 512 * 1024;
export const LOGO_MAX_PIXELS = 2000;

export interface OfficeKopColumns {
  name: string;
  regency: string;
  kopGovernment: string | null;
  kopAgency: string | null;
  kopAddress: string | null;
  kopPhone: string | null;
  kopEmail: string | null;
  kopWebsite: string | null;
  kopCity: string | null;
}

/** The kop as printed (every line resolved), without the logo's bytes. */
export interface Letterhead {
  government: string;
  agency: string;
  address: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  /** Place written before a signature's date ("Nganjuk, 25 November 2026"). */
  city: string;
  /** Whether the administrator set it; false = the defaults below. */
  configured: boolean;
}

/** "Kabupaten Nganjuk" → "Nganjuk"; "Kota Kediri" → "Kediri". */
export function cityOfRegency(regency: string): string {
  return regency.replace(/^\s*(kabupaten|kab\.|kota)\s+/i, '').trim() || regency.trim();
}

export function letterheadOf(o: OfficeKopColumns): Letterhead {
  return {
    government: o.kopGovernment ?? `Pemerintah ${o.regency}`,
    agency: o.kopAgency ?? o.name,
    address: o.kopAddress,
    phone: o.kopPhone,
    email: o.kopEmail,
    website: o.kopWebsite,
    city: o.kopCity ?? cityOfRegency(o.regency),
    configured: o.kopGovernment != null,
  };
}

/** The line under the address: "Telepon (0358) 321417 · Pos-el dpmd@… · Laman dpmd.…". */
export function contactLine(k: Pick<Letterhead, 'phone' | 'email' | 'website'>): string | null {
  const parts = [k.phone && `Telepon ${k.phone}`, k.email && `Pos-el ${k.email}`, k.website && `Laman ${k.website}`].filter(Boolean);
  return parts.length ? parts.join(' · ') : null;
}

export interface LogoInfo {
  mimeType: 'image/png' | 'image/jpeg';
  ext: 'png' | 'jpg';
  width: number;
  height: number;
}

const LOGO_FIELD = 'logo.contentBase64';
const unreadable = (why: Bilingual): never =>
  fail('VALIDATION_FAILED', { id: `Logo tidak dapat dibaca: ${why.id}`, en: `The logo cannot be read: ${why.en}` }, { fields: [fieldProblem(LOGO_FIELD, why)] });

/** Base64 (plain or a data: URL) → bytes; anything else is refused before decoding. */
export function decodeLogo(contentBase64: string): Buffer {
  const text = contentBase64.replace(/^data:image\/(png|jpeg);base64,/, '').replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 !== 0) unreadable({ id: 'bukan teks base64', en: 'not base64 text' });
  // Checked on the text, before the bytes are made: a base64 text of n characters holds ~3n/4 bytes.
  if ((text.length / 4) * 3 > LOGO_MAX_BYTES + 2) tooLarge();
  const bytes = Buffer.from(text, 'base64');
  if (bytes.length === 0) unreadable({ id: 'berkas kosong', en: 'the file is empty' });
  if (bytes.length > LOGO_MAX_BYTES) tooLarge();
  return bytes;
}

function tooLarge(): never {
  const kib = LOGO_MAX_BYTES / 1024;
  return fail('FILE_TOO_LARGE', { id: `Logo maksimal ${kib} KB. Perkecil gambarnya lalu unggah lagi.`, en: `The logo may be at most ${kib} KB. Make the picture smaller and upload it again.` }, {
    fields: [fieldProblem(LOGO_FIELD, { id: `Maksimal ${kib} KB`, en: `At most ${kib} KB` })],
  });
}

/**
 * Checks a logo before it is stored: PNG or JPEG by its content (not its name), at most
 * LOGO_MAX_PIXELS a side, and — for a PNG — image data that inflates to exactly the size its
 * header promises (inflated with a cap, so a compression bomb is refused without being expanded).
 * pdfkit then never meets a picture it cannot draw while printing a document.
 */
export function inspectLogo(bytes: Buffer): LogoInfo {
  const info = bytes.subarray(0, 8).equals(PNG_SIGNATURE) ? inspectPng(bytes) : bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff ? inspectJpeg(bytes) : null;
  if (!info) {
    return fail('FILE_TYPE_NOT_ALLOWED', { id: 'Logo harus berupa gambar PNG atau JPEG.', en: 'The logo must be a PNG or JPEG picture.' }, {
      fields: [fieldProblem(LOGO_FIELD, { id: 'Hanya PNG atau JPEG', en: 'PNG or JPEG only' })],
    });
  }
  if (info.width < 1 || info.height < 1) unreadable({ id: 'ukuran gambar tidak sah', en: 'invalid picture size' });
  if (info.width > LOGO_MAX_PIXELS || info.height > LOGO_MAX_PIXELS) {
    fail('VALIDATION_FAILED', {
      id: `Logo terlalu besar (${info.width} × ${info.height} piksel); maksimal ${LOGO_MAX_PIXELS} × ${LOGO_MAX_PIXELS}.`,
      en: `The logo is too large (${info.width} × ${info.height} pixels); at most ${LOGO_MAX_PIXELS} × ${LOGO_MAX_PIXELS}.`,
    }, { fields: [fieldProblem(LOGO_FIELD, { id: `Maksimal ${LOGO_MAX_PIXELS} × ${LOGO_MAX_PIXELS} piksel`, en: `At most ${LOGO_MAX_PIXELS} × ${LOGO_MAX_PIXELS} pixels` })] });
  }
  return info;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** Channels per colour type (greyscale, RGB, palette, grey + alpha, RGBA). */
const PNG_CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

function inspectPng(b: Buffer): LogoInfo {
  const idat: Buffer[] = [];
  let header: { width: number; height: number; depth: number; colour: number; interlace: number } | null = null;
  let pos = 8;
  while (pos + 8 <= b.length) {
    const len = b.readUInt32BE(pos);
    const type = b.toString('latin1', pos + 4, pos + 8);
    const data = b.subarray(pos + 8, pos + 8 + len);
    if (data.length !== len) unreadable({ id: 'berkas PNG terpotong', en: 'the PNG file is truncated' });
    if (type === 'IHDR') header = { width: data.readUInt32BE(0), height: data.readUInt32BE(4), depth: data[8]!, colour: data[9]!, interlace: data[12]! };
    else if (type === 'IDAT') idat.push(data);
    else if (type === 'IEND') break;
    pos += 12 + len;
  }
  if (!header || !idat.length) return unreadable({ id: 'berkas PNG tidak lengkap', en: 'the PNG file is incomplete' });
  const channels = PNG_CHANNELS[header.colour];
  if (!channels || ![1, 2, 4, 8, 16].includes(header.depth)) unreadable({ id: 'jenis warna PNG tidak dikenal', en: 'unknown PNG colour type' });
  if (header.interlace !== 0) {
    unreadable({ id: 'PNG ber-interlace tidak didukung; simpan ulang tanpa interlace', en: 'interlaced PNG is not supported; save it again without interlacing' });
  }
  if (header.width > LOGO_MAX_PIXELS || header.height > LOGO_MAX_PIXELS) return { mimeType: 'image/png', ext: 'png', width: header.width, height: header.height };
  // Each row: one filter byte, then the row's bits rounded up to whole bytes.
  const expected = header.height * (1 + Math.ceil((header.width * channels! * header.depth) / 8));
  let raw: Buffer;
  try {
    raw = zlib.inflateSync(Buffer.concat(idat), { maxOutputLength: expected });
  } catch {
    return unreadable({ id: 'data gambar PNG rusak', en: 'the PNG picture data is damaged' });
  }
  if (raw.length !== expected) unreadable({ id: 'data gambar PNG tidak sesuai ukurannya', en: 'the PNG picture data does not match its size' });
  return { mimeType: 'image/png', ext: 'png', width: header.width, height: header.height };
}

function inspectJpeg(b: Buffer): LogoInfo {
  let pos = 2;
  while (pos + 4 <= b.length) {
    if (b[pos] !== 0xff) return unreadable({ id: 'berkas JPEG rusak', en: 'the JPEG file is damaged' });
    const marker = b[pos + 1]!;
    if (marker === 0xff) {
      pos += 1; // fill byte
      continue;
    }
    const len = b.readUInt16BE(pos + 2);
    // Start of frame (baseline, progressive, …; not DHT C4, JPG C8, DAC CC): height, then width.
    if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) {
      if (pos + 9 > b.length) break;
      return { mimeType: 'image/jpeg', ext: 'jpg', height: b.readUInt16BE(pos + 5), width: b.readUInt16BE(pos + 7) };
    }
    pos += 2 + len;
  }
  return unreadable({ id: 'ukuran gambar JPEG tidak ditemukan', en: 'the JPEG picture size was not found' });
}
