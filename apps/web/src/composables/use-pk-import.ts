import { postXlsx, useImportRunner, type XlsxPostOptions } from './use-import';

/** POST /api/targets/pk.xlsx?year= (multipart "file"): the year's annual targets, all or nothing. */
export function importPkXlsx(year: number, file: Blob, o: XlsxPostOptions = {}): Promise<{ year: number; imported: number }> {
  return postXlsx(`/api/targets/pk.xlsx?year=${encodeURIComponent(String(year))}`, file, 'pk.xlsx', (body) => {
    const ok = body as { year?: number; imported?: number } | null;
    return typeof ok?.imported === 'number' ? { year: ok.year ?? year, imported: ok.imported } : null;
  }, o);
}

/** One PK import at a time, with its error and per-cell problems for the page. */
export function usePkImport(fetchImpl?: typeof fetch) {
  return useImportRunner((year: number, file: File) => importPkXlsx(year, file, { fetchImpl }));
}
