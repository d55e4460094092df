/**
 * The closed set of error codes a client can see. Each has an Indonesian message (shown to users)
 * and an English one. GraphQL errors carry the code in `extensions.code`; anything else that is
 * thrown is logged with its correlation id and reaches the client only as INTERNAL_ERROR.
 */
import { GraphQLError, type GraphQLFormattedError } from 'graphql';

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
  REASON_REQUIRED: { id: 'Alasan pengembalian wajib diisi (minimal 5 karakter).', en: 'A reason (at least 5 characters) is required.' },
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
};

export interface FieldProblem {
  field: string;
  message: string;
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    /** A more specific Indonesian message; defaults to the catalog's. */
    message?: string,
    readonly details?: { fields?: FieldProblem[]; [k: string]: unknown },
  ) {
    super(message ?? ERROR_CATALOG[code].id);
  }

  toGraphQL(): GraphQLError {
    return new GraphQLError(this.message, {
      extensions: { code: this.code, messageEn: ERROR_CATALOG[this.code].en, ...(this.details ?? {}) },
    });
  }

  toJSON() {
    return { error: { code: this.code, message: this.message, messageEn: ERROR_CATALOG[this.code].en, ...(this.details ?? {}) } };
  }
}

/** Throws the catalog error. A function declaration (not an arrow) so TypeScript narrows after it. */
export function fail(code: ErrorCode, message?: string, details?: AppError['details']): never {
  throw new AppError(code, message, details);
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
  if (cause instanceof AppError) return { ...formatted, message: cause.message, extensions: cause.toGraphQL().extensions };
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
        for (const msg of Object.values(e.constraints ?? {})) fields.push({ field: name, message: String(msg) });
        if (e.children?.length) walk(e.children, name);
      }
    };
    walk(validationErrors as any[], '');
    return { message: ERROR_CATALOG.VALIDATION_FAILED.id, path: formatted.path, extensions: { code: 'VALIDATION_FAILED', messageEn: ERROR_CATALOG.VALIDATION_FAILED.en, fields } };
  }
  if (code && KNOWN.has(code) && code !== 'INTERNAL_ERROR') {
    // The framework's own error (e.g. Apollo's CSRF refusal): our Indonesian text, its English detail.
    return { message: ERROR_CATALOG[code as ErrorCode].id, locations: formatted.locations, path: formatted.path, extensions: { code, messageEn: formatted.message } };
  }
  // GraphQL's own syntax/validation errors are the client's mistake, and safe to describe.
  if (code === 'GRAPHQL_PARSE_FAILED' || code === 'GRAPHQL_VALIDATION_FAILED' || code === 'BAD_USER_INPUT' || code === 'PERSISTED_QUERY_NOT_FOUND' || code === 'OPERATION_RESOLUTION_FAILURE' || code === 'BAD_REQUEST') {
    return {
      message: `${ERROR_CATALOG.BAD_REQUEST.id} ${formatted.message}`,
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: 'BAD_REQUEST', messageEn: formatted.message },
    };
  }
  const correlationId = onInternal(cause);
  return {
    message: ERROR_CATALOG.INTERNAL_ERROR.id,
    path: formatted.path,
    extensions: { code: 'INTERNAL_ERROR', messageEn: ERROR_CATALOG.INTERNAL_ERROR.en, correlationId },
  };
}
