import { ref } from 'vue';
import { getToken } from './use-auth';

/** One problem in an imported spreadsheet: the sheet's row number, the column and what is wrong. */
export interface ImportCellError {
  row: number;
  column: string;
  message: string;
  /** The English twin (the API sends both); absent from older answers. */
  messageEn?: string;
}

export interface ImportedSubmission {
  id: string;
  status: string;
  version: number;
  values: unknown[];
  /** Text cells read the Indonesian way that English would read differently ("1.250" → 1250). */
  readings: ImportCellError[];
}

export class ImportError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly messageEn?: string,
    readonly cells: ImportCellError[] = [],
  ) {
    super(message);
  }
  get error() {
    return { code: this.code, message: this.message, messageEn: this.messageEn };
  }
}

/** The cells of a VALIDATION_FAILED body, sorted by row; bad entries dropped. */
export function importCells(body: unknown): ImportCellError[] {
  return cellList((body as { error?: { cells?: unknown } } | null)?.error?.cells);
}

function cellList(cells: unknown): ImportCellError[] {
  if (!Array.isArray(cells)) return [];
  return cells
    .filter((c): c is ImportCellError => !!c && typeof c === 'object' && typeof (c as ImportCellError).message === 'string')
    .map((c) => ({ row: Number(c.row) || 0, column: String(c.column ?? ''), message: c.message, ...(typeof c.messageEn === 'string' ? { messageEn: c.messageEn } : {}) }))
    .sort((a, b) => a.row - b.row || a.column.localeCompare(b.column));
}

export type XlsxPostOptions = { token?: string | null; fetchImpl?: typeof fetch; filename?: string };

/**
 * POST a spreadsheet (multipart: `fields` first, then "file"); every import of the SPA goes through
 * here. `accept` turns a 2xx body into the answer, or null when it is not one; anything else becomes
 * an ImportError with the API's code, texts and per-cell problems.
 */
export async function postXlsx<T>(
  url: string,
  file: Blob,
  defaultName: string,
  accept: (body: unknown) => T | null,
  o: XlsxPostOptions = {},
  fields: Record<string, string> = {},
): Promise<T> {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append('file', file, o.filename ?? (file as File).name ?? defaultName);
  const token = o.token === undefined ? getToken() : o.token;
  let res: Response;
  try {
    res = await (o.fetchImpl ?? fetch)(url, { method: 'POST', headers: token ? { Authorization: `Bearer ${token}` } : {}, body: form });
  } catch {
    throw new ImportError('NETWORK', 'Tidak dapat terhubung ke server. Periksa jaringan Anda.', 'Cannot reach the server. Check your connection.');
  }
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    body = null;
  }
  const answer = res.ok ? accept(body) : null;
  if (answer !== null) return answer;
  const e = (body as { error?: { code?: string; message?: string; messageEn?: string } } | null)?.error;
  throw new ImportError(e?.code ?? `HTTP_${res.status}`, e?.message ?? 'Impor gagal.', e?.messageEn ?? 'The import failed.', importCells(body));
}

/** One import at a time, with its error (and the per-cell problems) for the page. */
export function useImportRunner<A extends unknown[], T>(importer: (...args: A) => Promise<T>) {
  const importing = ref(false);
  const error = ref<ImportError | null>(null);
  async function run(...args: A): Promise<T | null> {
    importing.value = true;
    error.value = null;
    try {
      return await importer(...args);
    } catch (e) {
      error.value = e instanceof ImportError ? e : new ImportError('UNKNOWN', 'Impor gagal.', 'The import failed.');
      return null;
    } finally {
      importing.value = false;
    }
  }
  return { importing, error, run };
}

/** POST /api/submissions/:id/import.xlsx (multipart "file" + "expectedVersion"). */
export function importXlsx(submissionId: string, file: Blob, expectedVersion: number | null, o: XlsxPostOptions = {}): Promise<ImportedSubmission> {
  return postXlsx(
    `/api/submissions/${encodeURIComponent(submissionId)}/import.xlsx`,
    file,
    'format.xlsx',
    (body) => {
      const sub = (body as { submission?: ImportedSubmission } | null)?.submission;
      return sub ? { ...sub, readings: cellList((body as { readings?: unknown }).readings) } : null;
    },
    o,
    expectedVersion !== null ? { expectedVersion: String(expectedVersion) } : {},
  );
}

/** One submission import at a time, with its error for the page. */
export function useImport(fetchImpl?: typeof fetch) {
  return useImportRunner((submissionId: string, file: File, expectedVersion: number | null) => importXlsx(submissionId, file, expectedVersion, { fetchImpl }));
}
