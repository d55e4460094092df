/**
 * Multipart uploads (field "file"): the checks before a byte is read, and two ways to take the
 * file in — hashed as it streams (the public /verify page) or held in memory (the XLSX import).
 * The document upload streams its file into storage itself (document/document.routes.ts).
 */
import crypto from 'node:crypto';
import Busboy from 'busboy';
import type { Request } from 'express';
import { AppError, UPLOAD_FILE_MISSING, UPLOAD_NOT_MULTIPART } from '../common/errors';

/** A multipart body, not declared larger than the limit (plus room for the part headers): else refused before reading. */
export function assertMultipart(req: Request, maxBytes: number): void {
  if (!(req.headers['content-type'] ?? '').startsWith('multipart/form-data')) {
    throw new AppError('BAD_REQUEST', UPLOAD_NOT_MULTIPART);
  }
  if (Number(req.headers['content-length'] ?? 0) > maxBytes + 64 * 1024) throw new AppError('FILE_TOO_LARGE');
}

/**
 * The SHA-256 of one multipart upload (field "file"), computed chunk by chunk as it arrives:
 * memory stays at busboy's buffers whatever the size, up to `maxBytes`.
 */
export function hashMultipartFile(req: Request, maxBytes: number): Promise<string> {
  assertMultipart(req, maxBytes);
  return new Promise((resolve, reject) => {
    const bb = Busboy({ headers: req.headers, limits: { files: 1, fields: 5, fieldSize: 1024, fileSize: maxBytes } });
    let digest: string | null = null;
    let failed: AppError | null = null;
    bb.on('file', (name, stream) => {
      if (name !== 'file' || digest !== null) {
        stream.resume();
        return;
      }
      const hash = crypto.createHash('sha256');
      stream.on('data', (c: Buffer) => hash.update(c));
      stream.on('limit', () => {
        failed = new AppError('FILE_TOO_LARGE');
      });
      stream.on('end', () => {
        digest = hash.digest('hex');
      });
    });
    bb.on('error', () => reject(new AppError('BAD_REQUEST')));
    bb.on('close', () => {
      if (failed) reject(failed);
      else if (digest === null) reject(new AppError('BAD_REQUEST', UPLOAD_FILE_MISSING));
      else resolve(digest);
    });
    req.pipe(bb);
  });
}

/** Reads one multipart upload (field "file") into memory, with the size limit, plus small fields. */
export function readMultipart(req: Request, maxBytes: number): Promise<{ file: Buffer; fields: Record<string, string> }> {
  try {
    assertMultipart(req, maxBytes);
  } catch (err) {
    return Promise.reject(err);
  }
  return new Promise((resolve, reject) => {
    const bb = Busboy({ headers: req.headers, limits: { files: 1, fields: 5, fieldSize: 1024, fileSize: maxBytes } });
    const fields: Record<string, string> = {};
    let file: Buffer | null = null;
    let failed: AppError | null = null;
    bb.on('field', (name, value) => {
      fields[name] = value;
    });
    bb.on('file', (name, stream) => {
      if (name !== 'file' || file) {
        stream.resume();
        return;
      }
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('limit', () => {
        failed = new AppError('FILE_TOO_LARGE');
      });
      stream.on('end', () => {
        file = Buffer.concat(chunks);
      });
    });
    bb.on('error', () => reject(new AppError('BAD_REQUEST')));
    bb.on('close', () => {
      if (failed) reject(failed);
      else if (!file) reject(new AppError('BAD_REQUEST', UPLOAD_FILE_MISSING));
      else resolve({ file, fields });
    });
    req.pipe(bb);
  });
}
