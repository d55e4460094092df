import { postXlsx, useImportRunner, type XlsxPostOptions } from './use-import';

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
export function importFindingsXlsx(reportId: string, file: Blob, o: XlsxPostOptions = {}): Promise<ImportedFindings> {
  return postXlsx(`/api/findings/reports/${encodeURIComponent(reportId)}/import.xlsx`, file, 'temuan.xlsx', (body) =>
    body && typeof (body as ImportedFindings).imported === 'number' ? (body as ImportedFindings) : null, o);
}

/** One findings import at a time, with its error (and the per-row problems) for the page. */
export function useFindingImport(fetchImpl?: typeof fetch) {
  return useImportRunner((reportId: string, file: File) => importFindingsXlsx(reportId, file, { fetchImpl }));
}
