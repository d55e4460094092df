import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform, type Readable } from 'node:stream';
import { AppError } from '../common/errors';

export interface StoredBlob {
  sha256: string;
  size: number;
  storageKey: string;
  head: Buffer;
}

/**
 * Content-addressed files under DOCUMENTS_DIR/<aa>/<sha256> (default DATA_DIR/documents). A file
 * is streamed to a temp file while it is hashed and measured, then renamed into place, so a reader
 * never sees half a file and an identical upload is stored once. The rename is atomic only within
 * one filesystem, so the temp files live inside the documents directory itself (`tmp/`, which no
 * storage key can name): replicas that mount one shared volume as DOCUMENTS_DIR each write their
 * temp files there and rename them into place, and two replicas storing the same bytes rename two
 * complete copies onto one name (docs/scaling.md §4).
 */
export class DocumentStorage {
  readonly root: string;
  private readonly tmp: string;

  constructor(documentsDir: string) {
    this.root = documentsDir;
    this.tmp = path.join(documentsDir, 'tmp');
    fs.mkdirSync(this.root, { recursive: true });
    fs.mkdirSync(this.tmp, { recursive: true });
  }

  async put(source: Readable, maxBytes: number): Promise<StoredBlob> {
    const tmpFile = path.join(this.tmp, `${crypto.randomUUID()}.part`);
    const hash = crypto.createHash('sha256');
    let size = 0;
    const chunks: Buffer[] = [];
    let headLen = 0;
    const meter = new Transform({
      transform(chunk: Buffer, _enc, cb) {
        size += chunk.length;
        if (size > maxBytes) {
          return cb(new AppError('FILE_TOO_LARGE', { id: `Ukuran berkas melebihi batas ${formatBytes(maxBytes)}.`, en: `The file is larger than the limit of ${formatBytes(maxBytes)}.` }));
        }
        hash.update(chunk);
        if (headLen < 16) {
          chunks.push(chunk);
          headLen += chunk.length;
        }
        cb(null, chunk);
      },
    });
    try {
      await pipeline(source, meter, fs.createWriteStream(tmpFile, { flags: 'wx' }));
    } catch (err) {
      await fs.promises.rm(tmpFile, { force: true });
      source.resume(); // drain the rest of the upload so the client gets our answer
      throw err;
    }
    const sha256 = hash.digest('hex');
    const storageKey = `${sha256.slice(0, 2)}/${sha256}`;
    const target = this.pathOf(storageKey);
    await fs.promises.mkdir(path.dirname(target), { recursive: true });
    await fs.promises.rename(tmpFile, target);
    return { sha256, size, storageKey, head: Buffer.concat(chunks).subarray(0, 16) };
  }

  pathOf(storageKey: string): string {
    if (!/^[0-9a-f]{2}\/[0-9a-f]{64}$/.test(storageKey)) throw new AppError('NOT_FOUND');
    return path.join(this.root, storageKey);
  }

  exists(storageKey: string): boolean {
    return fs.existsSync(this.pathOf(storageKey));
  }

  open(storageKey: string): fs.ReadStream {
    return fs.createReadStream(this.pathOf(storageKey));
  }

  /** Removes a blob no document row refers to any more (after a failed transaction). */
  async discard(storageKey: string): Promise<void> {
    await fs.promises.rm(this.pathOf(storageKey), { force: true });
  }
}

export function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toLocaleString('id-ID', { maximumFractionDigits: 1 })} MB` : `${Math.ceil(n / 1024)} KB`;
}

/** The XLSX media type: of uploads, and of the workbooks the report routes issue. */
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Allowed types: by extension, with the magic bytes checked where the format has them. */
const TYPES: Record<string, { mime: string; magic?: number[] }> = {
  pdf: { mime: 'application/pdf', magic: [0x25, 0x50, 0x44, 0x46] },
  png: { mime: 'image/png', magic: [0x89, 0x50, 0x4e, 0x47] },
  jpg: { mime: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
  jpeg: { mime: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
  xlsx: { mime: XLSX_MIME, magic: [0x50, 0x4b] },
  docx: { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', magic: [0x50, 0x4b] },
  ods: { mime: 'application/vnd.oasis.opendocument.spreadsheet', magic: [0x50, 0x4b] },
  odt: { mime: 'application/vnd.oasis.opendocument.text', magic: [0x50, 0x4b] },
  xls: { mime: 'application/vnd.ms-excel', magic: [0xd0, 0xcf, 0x11, 0xe0] },
  doc: { mime: 'application/msword', magic: [0xd0, 0xcf, 0x11, 0xe0] },
  csv: { mime: 'text/csv' },
};

export const ALLOWED_EXTENSIONS = Object.keys(TYPES);

export function fileTypeOf(filename: string): { ext: string; mime: string; magic?: number[] } | null {
  const ext = path.extname(filename).slice(1).toLowerCase();
  const t = TYPES[ext];
  return t ? { ext, ...t } : null;
}

export function magicMatches(head: Buffer, magic: number[] | undefined): boolean {
  return !magic || magic.every((b, i) => head[i] === b);
}
