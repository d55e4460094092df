import { postXlsx, useImportRunner, type XlsxPostOptions } from './use-import';

/**
 * POST /api/lkjip/budget.xlsx?year=&expectedVersion= (multipart "file"): Bab III B of the LKjIP
 * draft from a sheet, all or nothing; the answer is the new version.
 */
export function importLkjipBudget(year: number, expectedVersion: number, file: Blob, o: XlsxPostOptions = {}): Promise<{ version: number; rows: number }> {
  const url = `/api/lkjip/budget.xlsx?year=${encodeURIComponent(String(year))}&expectedVersion=${encodeURIComponent(String(expectedVersion))}`;
  return postXlsx(url, file, 'bab3b.xlsx', (body) => {
    const ok = body as { version?: number; rows?: number } | null;
    return typeof ok?.version === 'number' ? { version: ok.version, rows: ok.rows ?? 0 } : null;
  }, o);
}

/** One Bab III B import at a time, with its error and per-cell problems for the page. */
export function useLkjipBudgetImport(fetchImpl?: typeof fetch) {
  return useImportRunner((year: number, expectedVersion: number, file: File) => importLkjipBudget(year, expectedVersion, file, { fetchImpl }));
}
