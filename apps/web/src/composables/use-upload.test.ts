import { describe, expect, it } from 'vitest';
import { uploadDocument, UploadError, useUpload } from './use-upload';

/** A stand-in XMLHttpRequest that records what was sent and replays a scripted answer. */
function fakeXhr(status: number, body: unknown, progress: [number, number][] = []) {
  const sent: { method?: string; url?: string; headers: Record<string, string>; body?: unknown } = { headers: {} };
  const xhr = {
    upload: { onprogress: null as ((e: ProgressEvent) => void) | null },
    onload: null as (() => void) | null,
    onerror: null as (() => void) | null,
    status: 0,
    responseText: '',
    open(method: string, url: string) {
      sent.method = method;
      sent.url = url;
    },
    setRequestHeader(k: string, v: string) {
      sent.headers[k] = v;
    },
    send(b: unknown) {
      sent.body = b;
      for (const [loaded, total] of progress) xhr.upload.onprogress?.({ lengthComputable: true, loaded, total } as ProgressEvent);
      xhr.status = status;
      xhr.responseText = JSON.stringify(body);
      xhr.onload?.();
    },
  };
  return { factory: () => xhr as unknown as XMLHttpRequest, sent };
}

describe('use-upload', () => {
  it('posts multipart with the bearer token and reports progress', async () => {
    const doc = { id: 'd1', kind: 'LHP', filename: 'lhp.pdf', size: 10, downloadUrl: '/api/documents/d1' };
    const { factory, sent } = fakeXhr(201, doc, [[5, 10], [10, 10]]);
    const seen: number[] = [];
    const got = await uploadDocument({ submissionId: 's 1', kind: 'LHP', file: new Blob(['%PDF-1.4']), filename: 'lhp.pdf', token: 'tok', onProgress: (p) => seen.push(p), xhr: factory });
    expect(got).toEqual(doc);
    expect(sent.method).toBe('POST');
    expect(sent.url).toBe('/api/documents?submissionId=s%201&kind=LHP');
    expect(sent.headers.Authorization).toBe('Bearer tok');
    expect(sent.body).toBeInstanceOf(FormData);
    expect((sent.body as FormData).get('file')).toBeTruthy();
    expect(seen).toEqual([50, 100, 100]);
  });

  it('turns the API’s {error} body into an Indonesian message', async () => {
    const { factory } = fakeXhr(415, { error: { code: 'FILE_TYPE_NOT_ALLOWED', message: 'Jenis berkas tidak diizinkan.', messageEn: 'File type not allowed.' } });
    await expect(uploadDocument({ submissionId: 's', kind: 'LHE', file: new Blob(['x']), token: 't', xhr: factory })).rejects.toMatchObject({
      code: 'FILE_TYPE_NOT_ALLOWED',
      message: 'Jenis berkas tidak diizinkan.',
    });
  });

  it('uploads request-level documents with requestId', async () => {
    const { factory, sent } = fakeXhr(201, { id: 'd2', kind: 'FORMAT', filename: 'f.pdf', size: 1, downloadUrl: '/api/documents/d2' });
    await uploadDocument({ requestId: 'r1', kind: 'FORMAT', file: new Blob(['%PDF-']), token: 't', xhr: factory });
    expect(sent.url).toBe('/api/documents?requestId=r1&kind=FORMAT');
  });

  it('useUpload exposes progress and error state', async () => {
    const { factory } = fakeXhr(413, { error: { code: 'FILE_TOO_LARGE', message: 'Berkas terlalu besar.' } }, [[3, 6]]);
    const u = useUpload(factory);
    const res = await u.upload('s', 'TL_HP', new File(['x'], 'a.pdf'));
    expect(res).toBeNull();
    expect(u.uploading.value).toBe(false);
    expect(u.progress.value).toBe(50);
    expect(u.error.value).toBeInstanceOf(UploadError);
    expect(u.error.value?.code).toBe('FILE_TOO_LARGE');
  });
});
