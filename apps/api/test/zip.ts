/**
 * Builds zip archives byte by byte for the XLSX zip-bomb tests: honest ones, ones that inflate to
 * hundreds of MiB from a few hundred KiB, and ones whose headers lie about their size. Written
 * here (not with a zip library) because a library would refuse to write a lying header.
 */
import zlib from 'node:zlib';

export interface ZipEntry {
  name: string;
  /** The bytes as stored in the archive (raw deflate for method 8). */
  data: Buffer;
  method: 0 | 8;
  crc32: number;
  /** The uncompressed size written in both headers: the truth, or a lie. */
  declaredSize: number;
}

/** An honest entry: `content` deflated (or stored), with its real CRC and size. */
export function entry(name: string, content: Buffer | string, method: 0 | 8 = 8): ZipEntry {
  const bytes = Buffer.isBuffer(content) ? content : Buffer.from(content);
  return { name, data: method === 8 ? zlib.deflateRawSync(bytes) : bytes, method, crc32: zlib.crc32(bytes), declaredSize: bytes.length };
}

/**
 * An entry whose content is `head`, then `unit` repeated `times`, then `tail`, deflated without
 * ever holding the whole content in memory: each piece is compressed with a full flush (no
 * back-reference into earlier pieces), so the compressed `unit` can be repeated as is.
 * 1 MiB of a whitespace-padded XML row compresses to ~1.5 KB: 400 repetitions ≈ 600 KB → 400 MiB.
 */
export function bombEntry(name: string, head: string, unit: Buffer, times: number, tail: string): ZipEntry {
  const full = { finishFlush: zlib.constants.Z_FULL_FLUSH, level: 9 };
  const h = Buffer.from(head);
  const t = Buffer.from(tail);
  const parts = [zlib.deflateRawSync(h, full)];
  const u = zlib.deflateRawSync(unit, full);
  let crc = zlib.crc32(h);
  for (let i = 0; i < times; i++) {
    parts.push(u);
    crc = zlib.crc32(unit, crc);
  }
  parts.push(zlib.deflateRawSync(t)); // the final block
  crc = zlib.crc32(t, crc);
  return { name, data: Buffer.concat(parts), method: 8, crc32: crc, declaredSize: h.length + unit.length * times + t.length };
}

export function zip(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(e.method, 8);
    local.writeUInt32LE(e.crc32 >>> 0, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(Math.min(e.declaredSize, 0xfffffffe), 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(e.method, 10);
    central.writeUInt32LE(e.crc32 >>> 0, 16);
    central.writeUInt32LE(e.data.length, 20);
    central.writeUInt32LE(Math.min(e.declaredSize, 0xfffffffe), 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, e.data);
    centrals.push(central, name);
    offset += local.length + name.length + e.data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`;
const RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const WORKBOOK = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Format" sheetId="1" r:id="rId1"/></sheets></workbook>`;
const WORKBOOK_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`;
export const SHEET_HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`;
export const SHEET_TAIL = '</sheetData></worksheet>';

/** A minimal workbook around the given worksheet entry (named xl/worksheets/sheet1.xml). */
export function workbookWith(sheet: ZipEntry): Buffer {
  return zip([entry('[Content_Types].xml', CONTENT_TYPES), entry('_rels/.rels', RELS), entry('xl/workbook.xml', WORKBOOK), entry('xl/_rels/workbook.xml.rels', WORKBOOK_RELS), sheet]);
}

/** 1 MiB of sheet XML: one 4 KiB row (padded with the whitespace XML allows), 256 times. */
export const MIB_OF_ROWS = Buffer.from(('<row r="7"><c r="B7"><v>1</v></c></row>'.padEnd(4096, ' ')).repeat(256));
