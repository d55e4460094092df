/**
 * An uploaded XLSX is a zip archive, and a zip can be a bomb: 1 MiB that inflates to gigabytes of
 * sheet XML, which exceljs would inflate and parse whole (issue 9, item 3: 1 MiB → 400 MiB of XML,
 * server memory 330 → 1083 MiB, /healthz stalled). Before exceljs sees a byte, this reads the
 * zip's central directory (number of parts, declared sizes, methods), then inflates every part
 * itself with a hard cap on the bytes produced — declared sizes can lie — and counts the rows,
 * cells and shared strings in the XML. Anything over the limits is refused with FILE_TOO_COMPLEX.
 * Inflation runs on libuv's thread pool (zlib's async API), so the event loop keeps serving.
 */
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { AppError, type Bilingual } from '../common/errors';

const inflateRaw = promisify(zlib.inflateRaw);

export interface XlsxLimits {
  /** Parts (files) in the archive. A workbook from Excel or LibreOffice has 10–30. */
  maxEntries: number;
  /** Bytes of all parts together once inflated (and of any one part). */
  maxUncompressedBytes: number;
  /** Rows and cells over all worksheets, and strings in the shared-strings table. */
  maxRows: number;
  maxCells: number;
  maxSharedStrings: number;
}

/**
 * Our format has one row per indicator of one Bidang (tens, at most MAX_ROWS = 2000 read) and
 * 8 columns: a real one is tens of KB inflated. The limits leave room for a workbook re-saved by
 * any spreadsheet program, and none for a bomb.
 */
export const XLSX_LIMITS: XlsxLimits = {
  maxEntries: 200,
  maxUncompressedBytes: 8 * 1024 * 1024,
  maxRows: 5_000,
  maxCells: 50_000,
  maxSharedStrings: 50_000,
};

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;

const MIB = (n: number) => `${(n / 1024 / 1024).toLocaleString('id-ID', { maximumFractionDigits: 1 })} MB`;

function notXlsx(detail: Bilingual = { id: 'Berkas bukan lembar kerja XLSX yang sah.', en: 'The file is not a valid XLSX workbook.' }): AppError {
  return new AppError('FILE_TYPE_NOT_ALLOWED', detail);
}

function tooComplex(what: Bilingual): AppError {
  return new AppError('FILE_TOO_COMPLEX', {
    id: `Berkas XLSX ditolak sebelum dibuka: ${what.id}. Gunakan format yang diunduh dari SIPEDAKI; tidak ada data yang disimpan.`,
    en: `XLSX file refused before it was opened: ${what.en}. Use the format downloaded from SIPEDAKI; nothing was saved.`,
  });
}

interface Entry {
  name: string;
  method: number;
  compressedSize: number;
  declaredSize: number;
  localHeaderOffset: number;
}

/** The central directory: every part's name, method and declared sizes. Bounds-checked throughout. */
function readCentralDirectory(zip: Buffer, limits: XlsxLimits): Entry[] {
  // The end-of-central-directory record sits in the last 22 + 65535 (comment) bytes.
  const stop = Math.max(0, zip.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = zip.length - 22; i >= stop; i--) {
    if (zip.readUInt32LE(i) === EOCD_SIGNATURE) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw notXlsx();
  const disk = zip.readUInt16LE(eocd + 4);
  const count = zip.readUInt16LE(eocd + 10);
  const size = zip.readUInt32LE(eocd + 12);
  const offset = zip.readUInt32LE(eocd + 16);
  // ZIP64 (0xFFFF / 0xFFFFFFFF markers) is only needed beyond 65535 parts or 4 GiB: never for a format.
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) throw tooComplex({ id: 'arsip ZIP64 (terlalu besar)', en: 'a ZIP64 archive (too large)' });
  if (disk !== 0) throw notXlsx({ id: 'Berkas XLSX terpecah (multi-disk) tidak didukung.', en: 'A split (multi-disk) XLSX file is not supported.' });
  if (count > limits.maxEntries) throw tooComplex({ id: `berisi ${count} bagian; paling banyak ${limits.maxEntries}`, en: `it has ${count} parts; at most ${limits.maxEntries}` });
  if (offset + size > eocd) throw notXlsx();

  const entries: Entry[] = [];
  let declaredTotal = 0;
  let p = offset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > eocd || zip.readUInt32LE(p) !== CENTRAL_SIGNATURE) throw notXlsx();
    const flags = zip.readUInt16LE(p + 8);
    const method = zip.readUInt16LE(p + 10);
    const compressedSize = zip.readUInt32LE(p + 20);
    const declaredSize = zip.readUInt32LE(p + 24);
    const nameLength = zip.readUInt16LE(p + 28);
    const extraLength = zip.readUInt16LE(p + 30);
    const commentLength = zip.readUInt16LE(p + 32);
    const localHeaderOffset = zip.readUInt32LE(p + 42);
    if (p + 46 + nameLength > eocd) throw notXlsx();
    const name = zip.toString('utf8', p + 46, p + 46 + nameLength);
    if (flags & 0x1) throw notXlsx({ id: 'Berkas XLSX terenkripsi (berkata sandi) tidak dapat diimpor.', en: 'An encrypted (password-protected) XLSX file cannot be imported.' });
    if (method !== STORED && method !== DEFLATED) throw notXlsx({ id: `Metode kompresi ${method} tidak didukung.`, en: `Compression method ${method} is not supported.` });
    if (compressedSize === 0xffffffff || declaredSize === 0xffffffff || localHeaderOffset === 0xffffffff) throw tooComplex({ id: 'arsip ZIP64 (terlalu besar)', en: 'a ZIP64 archive (too large)' });
    declaredTotal += declaredSize;
    if (declaredTotal > limits.maxUncompressedBytes) {
      throw tooComplex({ id: `isinya setelah dibuka lebih dari ${MIB(limits.maxUncompressedBytes)}`, en: `its content once uncompressed is over ${MIB(limits.maxUncompressedBytes)}` });
    }
    entries.push({ name, method, compressedSize, declaredSize, localHeaderOffset });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** A part's bytes as stored, located through its local header. */
function compressedData(zip: Buffer, e: Entry): Buffer {
  const h = e.localHeaderOffset;
  if (h + 30 > zip.length || zip.readUInt32LE(h) !== LOCAL_SIGNATURE) throw notXlsx();
  const start = h + 30 + zip.readUInt16LE(h + 26) + zip.readUInt16LE(h + 28);
  const end = start + e.compressedSize;
  if (end > zip.length) throw notXlsx();
  return zip.subarray(start, end);
}

/**
 * Inflates a part, never producing more than its declared size (nor more than what is left of
 * the total budget): a part whose header lies about its size is cut off after `cap` + 1 bytes.
 */
async function inflatePart(zip: Buffer, e: Entry, budget: number, limits: XlsxLimits): Promise<Buffer> {
  const data = compressedData(zip, e);
  const cap = Math.min(e.declaredSize, budget);
  if (e.method === STORED) {
    if (data.length !== e.declaredSize || data.length > budget) throw tooComplex({ id: `bagian ${e.name} lebih besar dari yang dinyatakan`, en: `part ${e.name} is larger than declared` });
    return data;
  }
  let out: Buffer;
  try {
    out = await inflateRaw(data, { maxOutputLength: cap + 1 });
  } catch (err) {
    if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError) {
      throw tooComplex({ id: `bagian ${e.name} mengembang melebihi ukuran yang dinyatakan atau batas ${MIB(limits.maxUncompressedBytes)}`, en: `part ${e.name} inflates beyond its declared size or the ${MIB(limits.maxUncompressedBytes)} limit` });
    }
    throw notXlsx();
  }
  if (out.length > cap) throw tooComplex({ id: `bagian ${e.name} mengembang melebihi ukuran yang dinyatakan`, en: `part ${e.name} inflates beyond its declared size` });
  return out;
}

/** Counts opening tags such as <row …>, <x:row>, <c r="A1"/> in XML (any namespace prefix). */
function countTags(xml: Buffer, tag: string): number {
  const re = new RegExp(`<(?:[A-Za-z_][\\w.-]*:)?${tag}[\\s/>]`, 'g');
  return xml.toString('latin1').match(re)?.length ?? 0;
}

/**
 * Checks an uploaded XLSX against the limits without handing it to exceljs. Throws
 * FILE_TOO_COMPLEX (HTTP 413) over a limit, FILE_TYPE_NOT_ALLOWED when it is not a readable zip.
 */
export async function assertXlsxWithinLimits(zip: Buffer, limits: XlsxLimits = XLSX_LIMITS): Promise<void> {
  if (zip.length < 22) throw notXlsx();
  const entries = readCentralDirectory(zip, limits);
  let budget = limits.maxUncompressedBytes;
  let rows = 0;
  let cells = 0;
  let strings = 0;
  for (const e of entries) {
    const part = await inflatePart(zip, e, budget, limits);
    budget -= part.length;
    if (/^xl\/worksheets\/[^/]+\.xml$/i.test(e.name)) {
      rows += countTags(part, 'row');
      cells += countTags(part, 'c');
      if (rows > limits.maxRows) throw tooComplex({ id: `lebih dari ${limits.maxRows.toLocaleString('id-ID')} baris`, en: `more than ${limits.maxRows.toLocaleString('en-GB')} rows` });
      if (cells > limits.maxCells) throw tooComplex({ id: `lebih dari ${limits.maxCells.toLocaleString('id-ID')} sel`, en: `more than ${limits.maxCells.toLocaleString('en-GB')} cells` });
    } else if (/^xl\/sharedStrings\.xml$/i.test(e.name)) {
      strings += countTags(part, 'si');
      if (strings > limits.maxSharedStrings) throw tooComplex({ id: `lebih dari ${limits.maxSharedStrings.toLocaleString('id-ID')} teks`, en: `more than ${limits.maxSharedStrings.toLocaleString('en-GB')} texts` });
    }
  }
}
