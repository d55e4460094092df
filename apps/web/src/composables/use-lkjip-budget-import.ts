import { ref } from 'vue';
import { getToken } from './use-auth';
import { ImportError, importCells } from './use-import';

/**
 * POST /api/lkjip/budget.xlsx?year=&expectedVersion= (multipart "file"): Bab III B of the LKjIP
 * draft from a sheet, all or nothing; the answer is the new version.
 */
export async function importLkjipBudget(
  year: number,
  expectedVersion: number,
  file: Blob,
  o: { token?: string | null; fetchImpl?: typeof fetch; filename?: string } = {},
): Promise<{ version: number; rows: number }> {
  const form = new FormData();
  form.append('file', file, o.filename ?? (file as File).name ?? 'bab3b.xlsx');
  const token = o.token === undefined ? getToken() : o.token;
  let res: Response;
  try {
    res = await (o.fetchImpl ?? fetch)(`/api/lkjip/budget.xlsx?year=${encodeURIComponent(String(year))}&expectedVersion=${encodeURIComponent(String(expectedVersion))}`, {
      method: 'POST',
      headers: token ? { Authorization: `Bearer ${token}` } : {},
      body: form,
    });
  } catch {
    throw new ImportError('NETWORK', 'Tidak dapat terhubung ke server. Periksa jaringan Anda.', 'Cannot reach the server. Check your connection.');
  }
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    body = null;
  }
  const ok = body as { version?: number; rows?: number } | null;
  if (res.ok && typeof ok?.version === 'number') return { version: ok.version, rows: ok.rows ?? 0 };
  const e = (body as { error?: { code?: string; message?: string; messageEn?: string } } | null)?.error;
  throw new ImportError(e?.code ?? `HTTP_${res.status}`, e?.message ?? 'Impor gagal.', e?.messageEn ?? 'The import failed.', importCells(body));
}

/** One Bab III B import at a time, with its error and per-cell problems for the page. */
export function useLkjipBudgetImport(fetchImpl?: typeof fetch) {
  const importing = ref(false);
  const error = ref<ImportError | null>(null);
  async function run(year: number, expectedVersion: number, file: File) {
    importing.value = true;
    error.value = null;
    try {
      return await importLkjipBudget(year, expectedVersion, file, { fetchImpl });
    } catch (e) {
      error.value = e instanceof ImportError ? e : new ImportError('UNKNOWN', 'Impor gagal.', 'The import failed.');
      return null;
    } finally {
      importing.value = false;
    }
  }
  return { importing, error, run };
}
