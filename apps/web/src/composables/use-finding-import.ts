import { ref } from 'vue';
import { getToken } from './use-auth';
import { ImportError, importCells } from './use-import';

/** What the findings import answers: how many findings and recommendations were written. */
export interface ImportedFindings {
  imported: number;
  recommendations: number;
  findingIds: string[];
}

/**
 * POST /api/findings/reports/:id/import.xlsx (multipart "file"): all or nothing. A refusal carries
 * the problems per row and column (`error.cells`), shown with ImportErrorTable.
 */
export async function importFindingsXlsx(reportId: string, file: Blob, o: { token?: string | null; fetchImpl?: typeof fetch; filename?: string } = {}): Promise<ImportedFindings> {
  const form = new FormData();
  form.append('file', file, o.filename ?? (file as File).name ?? 'temuan.xlsx');
  const token = o.token === undefined ? getToken() : o.token;
  let res: Response;
  try {
    res = await (o.fetchImpl ?? fetch)(`/api/findings/reports/${encodeURIComponent(reportId)}/import.xlsx`, { method: 'POST', headers: token ? { Authorization: `Bearer ${token}` } : {}, body: form });
  } catch {
    throw new ImportError('NETWORK', 'Tidak dapat terhubung ke server. Periksa jaringan Anda.', 'Cannot reach the server. Check your connection.');
  }
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    body = null;
  }
  if (res.ok && body && typeof (body as ImportedFindings).imported === 'number') return body as ImportedFindings;
  const e = (body as { error?: { code?: string; message?: string; messageEn?: string } } | null)?.error;
  throw new ImportError(e?.code ?? `HTTP_${res.status}`, e?.message ?? 'Impor gagal.', e?.messageEn ?? 'The import failed.', importCells(body));
}

/** One findings import at a time, with its error (and the per-row problems) for the page. */
export function useFindingImport(fetchImpl?: typeof fetch) {
  const importing = ref(false);
  const error = ref<ImportError | null>(null);
  async function run(reportId: string, file: File) {
    importing.value = true;
    error.value = null;
    try {
      return await importFindingsXlsx(reportId, file, { fetchImpl });
    } catch (e) {
      error.value = e instanceof ImportError ? e : new ImportError('UNKNOWN', 'Impor gagal.', 'The import failed.');
      return null;
    } finally {
      importing.value = false;
    }
  }
  return { importing, error, run };
}
