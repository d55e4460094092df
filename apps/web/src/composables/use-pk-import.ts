import { ref } from 'vue';
import { getToken } from './use-auth';
import { ImportError, importCells } from './use-import';

/** POST /api/targets/pk.xlsx?year= (multipart "file"): the year's annual targets, all or nothing. */
export async function importPkXlsx(year: number, file: Blob, o: { token?: string | null; fetchImpl?: typeof fetch; filename?: string } = {}): Promise<{ year: number; imported: number }> {
  const form = new FormData();
  form.append('file', file, o.filename ?? (file as File).name ?? 'pk.xlsx');
  const token = o.token === undefined ? getToken() : o.token;
  let res: Response;
  try {
    res = await (o.fetchImpl ?? fetch)(`/api/targets/pk.xlsx?year=${encodeURIComponent(String(year))}`, {
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
  const ok = body as { year?: number; imported?: number } | null;
  if (res.ok && typeof ok?.imported === 'number') return { year: ok.year ?? year, imported: ok.imported };
  const e = (body as { error?: { code?: string; message?: string; messageEn?: string } } | null)?.error;
  throw new ImportError(e?.code ?? `HTTP_${res.status}`, e?.message ?? 'Impor gagal.', e?.messageEn ?? 'The import failed.', importCells(body));
}

/** One PK import at a time, with its error and per-cell problems for the page. */
export function usePkImport(fetchImpl?: typeof fetch) {
  const importing = ref(false);
  const error = ref<ImportError | null>(null);
  async function run(year: number, file: File) {
    importing.value = true;
    error.value = null;
    try {
      return await importPkXlsx(year, file, { fetchImpl });
    } catch (e) {
      error.value = e instanceof ImportError ? e : new ImportError('UNKNOWN', 'Impor gagal.', 'The import failed.');
      return null;
    } finally {
      importing.value = false;
    }
  }
  return { importing, error, run };
}
