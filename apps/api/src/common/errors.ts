/**
 * The closed set of error codes a client can see. Each has an Indonesian message (shown to users)
 * and an English one. GraphQL errors carry the code in `extensions.code`; anything else that is
 * thrown is logged with its correlation id and reaches the client only as INTERNAL_ERROR.
 */
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { describeRefusedRequest } from './request-errors';
import { extend } from './objects';

export const ERROR_CATALOG = {
  UNAUTHENTICATED: { id: 'Anda belum masuk atau sesi telah berakhir. Silakan masuk kembali.', en: 'You are not signed in or your session has expired.' },
  INVALID_CREDENTIALS: { id: 'NIP/nama pengguna atau kata sandi salah.', en: 'Wrong NIP/username or password.' },
  ACCOUNT_LOCKED: { id: 'Akun dikunci sementara karena terlalu banyak percobaan masuk yang gagal.', en: 'Account temporarily locked after too many failed sign-ins.' },
  FORBIDDEN: { id: 'Anda tidak berwenang melakukan tindakan ini.', en: 'You are not allowed to do this.' },
  NOT_FOUND: { id: 'Data tidak ditemukan.', en: 'Not found.' },
  VALIDATION_FAILED: { id: 'Isian tidak valid. Periksa kembali data yang dimasukkan.', en: 'Invalid input.' },
  INVALID_NIP: { id: 'NIP tidak valid: harus 18 digit dengan tanggal lahir dan TMT yang benar.', en: 'Invalid NIP: 18 digits with real birth and appointment dates.' },
  WRONG_STEP: { id: 'Tindakan ini tidak sesuai dengan tahap permintaan saat ini.', en: 'This action does not fit the request’s current step.' },
  CONFLICT: { id: 'Data telah diubah oleh pengguna lain. Muat ulang lalu ulangi perubahan Anda.', en: 'Someone else changed this record. Reload and try again.' },
  SUBMISSIONS_INCOMPLETE: { id: 'Belum semua Bidang mengirim data yang telah diterima.', en: 'Not every Bidang has an accepted submission yet.' },
  ANALYSIS_MISSING: { id: 'Analisis capaian belum disusun.', en: 'The analysis has not been made yet.' },
  NOT_EDITABLE: { id: 'Data ini sudah dikirim dan tidak dapat diubah lagi.', en: 'This record was submitted and can no longer be changed.' },
  DUPLICATE: { id: 'Data yang sama sudah ada.', en: 'This record already exists.' },
  FILE_TOO_LARGE: { id: 'Ukuran berkas melebihi batas yang diizinkan.', en: 'The file is larger than allowed.' },
  FILE_TYPE_NOT_ALLOWED: { id: 'Jenis berkas tidak diizinkan. Unggah PDF, dokumen Office/ODF, CSV, atau gambar.', en: 'File type not allowed.' },
  RATE_LIMITED: { id: 'Terlalu banyak percobaan dalam waktu singkat. Tunggu sebentar lalu coba lagi.', en: 'Too many attempts in a short time. Wait a moment and try again.' },
  WEBHOOK_URL_NOT_ALLOWED: {
    id: 'Alamat webhook ditolak: alamat tersebut mengarah ke jaringan internal (loopback, privat, link-local, CGNAT, multicast, atau sejenisnya). Penerima intranet Dinas harus diizinkan lebih dulu oleh pengelola server (WEBHOOK_ALLOWED_HOSTS).',
    en: 'Webhook URL refused: it points into an internal network (loopback, private, link-local, CGNAT, multicast or similar). An intranet receiver must first be allowed by the server operator (WEBHOOK_ALLOWED_HOSTS).',
  },
  BAD_REQUEST: { id: 'Permintaan tidak dapat diproses.', en: 'The request cannot be processed.' },
  INTERNAL_ERROR: { id: 'Terjadi kesalahan pada server. Silakan coba lagi; bila berulang, hubungi administrator.', en: 'Server error. Please try again; contact the administrator if it persists.' },
  FILE_TOO_COMPLEX: {
    id: 'Berkas terlalu besar atau terlalu rumit setelah dibuka (terlalu banyak bagian, baris atau sel). Gunakan format yang diunduh dari SIPEDAKI.',
    en: 'The file is too large or too complex once uncompressed (too many parts, rows or cells). Use the format downloaded from SIPEDAKI.',
  },
  PASSWORD_CHANGE_REQUIRED: {
    id: 'Anda harus mengganti kata sandi sementara sebelum dapat memakai SIPEDAKI.',
    en: 'Change your temporary password before using SIPEDAKI.',
  },
  LAST_ADMIN: {
    id: 'Perubahan ditolak: Dinas ini harus tetap memiliki minimal satu administrator aktif.',
    en: 'Refused: the office must keep at least one active administrator.',
  },
  OFFICER_NOT_IN_ROLE: {
    id: 'Pejabat yang dipilih tidak memegang jabatan penerima disposisi ini (termasuk sebagai Plt/Plh).',
    en: 'The chosen officer does not hold the receiving role of this disposition (nor as Plt/Plh).',
  },
} as const;

export type ErrorCode = keyof typeof ERROR_CATALOG;

export const HTTP_STATUS: Partial<Record<ErrorCode, number>> = {
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  ACCOUNT_LOCKED: 423,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  DUPLICATE: 409,
  FILE_TOO_LARGE: 413,
  FILE_TYPE_NOT_ALLOWED: 415,
  RATE_LIMITED: 429,
  INTERNAL_ERROR: 500,
  FILE_TOO_COMPLEX: 413,
  PASSWORD_CHANGE_REQUIRED: 403,
  LAST_ADMIN: 409,
  OFFICER_NOT_IN_ROLE: 422,
};

/** A text for people in both languages: Indonesian first (`message`), English (`messageEn`). */
export interface Bilingual {
  id: string;
  en: string;
}

/** One problem with one input field, in both languages. */
export interface FieldProblem {
  field: string;
  message: string;
  messageEn: string;
}

/** A bidangId that names no Bidang of the caller's office. */
export const UNKNOWN_BIDANG: Bilingual = { id: 'Bidang tidak dikenal', en: 'Unknown Bidang' };

/** The upload routes (documents, XLSX import): the body is not multipart, or has no `file` part. */
export const UPLOAD_NOT_MULTIPART: Bilingual = {
  id: 'Unggah berkas sebagai multipart/form-data dengan field "file".',
  en: 'Upload the file as multipart/form-data in a field named "file".',
};
export const UPLOAD_FILE_MISSING: Bilingual = { id: 'Field "file" tidak ditemukan.', en: 'No "file" field in the upload.' };

/** A forged or damaged `after` cursor of a connection. */
export const INVALID_CURSOR: Bilingual = { id: 'Kursor halaman tidak valid.', en: 'Invalid page cursor.' };

/** A field problem from its field and a bilingual text. */
export const fieldProblem = (field: string, text: Bilingual): FieldProblem => ({ field, message: text.id, messageEn: text.en });

export class AppError extends Error {
  /** The English twin of `message`. */
  readonly messageEn: string;

  constructor(
    readonly code: ErrorCode,
    /** A more specific message in both languages; defaults to the catalog's. */
    text?: Bilingual,
    readonly details?: { fields?: FieldProblem[]; [k: string]: unknown },
  ) {
    super(text?.id ?? ERROR_CATALOG[code].id);
    this.messageEn = text?.en ?? ERROR_CATALOG[code].en;
  }

  toGraphQL(): GraphQLError {
    return new GraphQLError(this.message, {
      extensions: { code: this.code, messageEn: this.messageEn, ...(this.details ?? {}) },
    });
  }

  toJSON() {
    return { error: { code: this.code, message: this.message, messageEn: this.messageEn, ...(this.details ?? {}) } };
  }
}

/** Throws the catalog error. A function declaration (not an arrow) so TypeScript narrows after it. */
export function fail(code: ErrorCode, text?: Bilingual, details?: AppError['details']): never {
  throw new AppError(code, text, details);
}

const KNOWN = new Set(Object.keys(ERROR_CATALOG));

/**
 * Apollo's formatError: keeps our codes, translates the framework's own errors (validation,
 * parse, bad user input) into the catalog, and masks everything else.
 */
export function formatGraphQLError(
  formatted: GraphQLFormattedError,
  original: unknown,
  onInternal: (err: unknown) => string,
  /** For GraphQL's own refusal of an argument value: the fields it concerns (common/input-guard). */
  inputProblems?: (original: unknown) => FieldProblem[] | null,
): GraphQLFormattedError {
  const code = formatted.extensions?.code as string | undefined;
  const cause = (original as { originalError?: unknown })?.originalError ?? original;
  if (cause instanceof AppError) return extend(formatted, { message: cause.message, extensions: cause.toGraphQL().extensions });
  const fields = code === 'GRAPHQL_VALIDATION_FAILED' || code === 'BAD_USER_INPUT' ? inputProblems?.(original) : null;
  if (fields) {
    return { message: ERROR_CATALOG.VALIDATION_FAILED.id, locations: formatted.locations, extensions: { code: 'VALIDATION_FAILED', messageEn: ERROR_CATALOG.VALIDATION_FAILED.en, fields } };
  }
  // type-graphql's class-validator failure
  const validationErrors = (cause as { extensions?: { validationErrors?: unknown[] } })?.extensions?.validationErrors
    ?? (cause as { validationErrors?: unknown[] })?.validationErrors;
  if (Array.isArray(validationErrors)) {
    const fields: FieldProblem[] = [];
    const walk = (errs: any[], prefix: string) => {
      for (const e of errs) {
        const name = prefix ? `${prefix}.${e.property}` : e.property;
        for (const [constraint, msg] of Object.entries(e.constraints ?? {})) {
          // The English twin rides in the decorator's context (common/validation.ts: bi()).
          const en = e.contexts?.[constraint]?.en;
          fields.push({ field: name, message: String(msg), messageEn: typeof en === 'string' ? en : String(msg) });
        }
        if (e.children?.length) walk(e.children, name);
      }
    };
    walk(validationErrors as any[], '');
    return { message: ERROR_CATALOG.VALIDATION_FAILED.id, path: formatted.path, extensions: { code: 'VALIDATION_FAILED', messageEn: ERROR_CATALOG.VALIDATION_FAILED.en, fields } };
  }
  if (code && KNOWN.has(code) && code !== 'INTERNAL_ERROR' && code !== 'BAD_REQUEST') {
    // The framework's own use of one of our codes: our texts.
    return { message: ERROR_CATALOG[code as ErrorCode].id, locations: formatted.locations, path: formatted.path, extensions: { code, messageEn: ERROR_CATALOG[code as ErrorCode].en } };
  }
  // GraphQL's own syntax/validation errors, the operation limits and Apollo's CSRF refusal are the
  // client's mistake, and safe to describe: an Indonesian sentence, the English detail apart.
  if (code === 'GRAPHQL_PARSE_FAILED' || code === 'GRAPHQL_VALIDATION_FAILED' || code === 'BAD_USER_INPUT' || code === 'PERSISTED_QUERY_NOT_FOUND' || code === 'OPERATION_RESOLUTION_FAILURE' || code === 'BAD_REQUEST') {
    const text = describeRefusedRequest(code, formatted.message);
    return { message: text.id, locations: formatted.locations, path: formatted.path, extensions: { code: 'BAD_REQUEST', messageEn: text.en } };
  }
  const correlationId = onInternal(cause);
  return {
    message: ERROR_CATALOG.INTERNAL_ERROR.id,
    path: formatted.path,
    extensions: { code: 'INTERNAL_ERROR', messageEn: ERROR_CATALOG.INTERNAL_ERROR.en, correlationId },
  };
}
