import { describe, expect, it, vi } from 'vitest';
import { DownloadError, fetchFile, filenameFromDisposition, useDownload } from './use-download';
import { errorMessage } from './use-error-message';

const pdfBytes = new TextEncoder().encode('%PDF-1.7\n…');

function okFetch(headers: Record<string, string> = {}) {
  return vi.fn(async () => new Response(pdfBytes, { status: 200, headers: { 'Content-Type': 'application/pdf', 'Content-Length': String(pdfBytes.length), ...headers } }));
}

describe('filenameFromDisposition', () => {
  it('reads RFC 5987 and plain filenames', () => {
    expect(filenameFromDisposition("attachment; filename*=UTF-8''rekap%20capaian%20TW%20III.pdf")).toBe('rekap capaian TW III.pdf');
    expect(filenameFromDisposition('attachment; filename="format.xlsx"')).toBe('format.xlsx');
    expect(filenameFromDisposition(null)).toBeNull();
  });
});

describe('fetchFile', () => {
  it('sends the Bearer token and returns the blob with the document headers', async () => {
    const f = okFetch({ 'Content-Disposition': "attachment; filename*=UTF-8''rekap.pdf", 'X-Verification-Code': 'ABCD-EFGH-JKLM', 'X-Document-Id': 'd1' });
    const progress: number[] = [];
    const { blob, result } = await fetchFile('/api/requests/r1/recap.pdf', { token: 'tok', fetchImpl: f as unknown as typeof fetch, onProgress: (p) => progress.push(p) });
    const init = (f.mock.calls[0] as unknown as [string, RequestInit])[1];
    expect((init.headers as Record<string, string>).Authorization).toBe('Bearer tok');
    expect(result).toMatchObject({ filename: 'rekap.pdf', verificationCode: 'ABCD-EFGH-JKLM', documentId: 'd1', size: pdfBytes.length });
    expect(new TextDecoder().decode(await blob.arrayBuffer()).startsWith('%PDF-')).toBe(true);
    expect(progress.at(-1)).toBe(100);
  });

  it('falls back to the URL for the filename', async () => {
    const { result } = await fetchFile('/api/requests/r1/dataset.xlsx', { token: 't', fetchImpl: okFetch() as unknown as typeof fetch });
    expect(result.filename).toBe('dataset.xlsx');
  });

  it('rejects with the server’s Indonesian message', async () => {
    const f = vi.fn(async () => Response.json({ error: { code: 'ANALYSIS_MISSING', message: 'Simpan analisis dahulu.', messageEn: 'Save the analysis first.' } }, { status: 409 }));
    const err = await fetchFile('/x', { token: 't', fetchImpl: f as unknown as typeof fetch }).catch((e) => e);
    expect(err).toBeInstanceOf(DownloadError);
    expect(err.code).toBe('ANALYSIS_MISSING');
    expect(errorMessage(err, 'id')).toBe('Simpan analisis dahulu.');
    expect(errorMessage(err, 'en')).toBe('Save the analysis first.');
  });

  it('says so in Indonesian when the network fails or the body is not JSON', async () => {
    const down = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    });
    const e1 = await fetchFile('/x', { token: 't', fetchImpl: down as unknown as typeof fetch }).catch((e) => e);
    expect(e1.code).toBe('NETWORK');
    expect(errorMessage(e1)).toMatch(/Tidak dapat terhubung/);
    const html = vi.fn(async () => new Response('<html>', { status: 502 }));
    const e2 = await fetchFile('/x', { token: 't', fetchImpl: html as unknown as typeof fetch }).catch((e) => e);
    expect(e2.code).toBe('HTTP_502');
    expect(errorMessage(e2)).toBe('Unduhan gagal. Coba lagi beberapa saat lagi.');
  });
});

describe('useDownload', () => {
  it('is busy with one key at a time and saves the blob', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    const f = vi.fn(async () => {
      await gate;
      return new Response(pdfBytes, { status: 200, headers: { 'Content-Disposition': 'attachment; filename="r.pdf"' } });
    });
    const save = vi.fn();
    const d = useDownload({ fetchImpl: f as unknown as typeof fetch, save });
    const p = d.download('/api/requests/r1/recap.pdf', 'recap-pdf');
    expect(d.busy.value).toBe('recap-pdf');
    expect(await d.download('/other', 'other')).toBeNull();
    release();
    const res = await p;
    expect(res?.filename).toBe('r.pdf');
    expect(d.busy.value).toBeNull();
    expect(save).toHaveBeenCalledWith(expect.any(Blob), 'r.pdf');
    expect(f).toHaveBeenCalledTimes(1);
  });

  it('keeps the error and saves nothing on failure', async () => {
    const f = vi.fn(async () => Response.json({ error: { code: 'FORBIDDEN', message: 'Anda tidak berwenang.' } }, { status: 403 }));
    const save = vi.fn();
    const d = useDownload({ fetchImpl: f as unknown as typeof fetch, save });
    expect(await d.download('/x')).toBeNull();
    expect(d.error.value?.message).toBe('Anda tidak berwenang.');
    expect(save).not.toHaveBeenCalled();
  });
});
