import { ref } from 'vue';
import { getToken } from './use-auth';

/** What an authenticated download gave back: the file plus the document headers of issued PDFs. */
export interface DownloadResult {
  filename: string;
  size: number;
  documentId: string | null;
  verificationCode: string | null;
  sha256: string | null;
}

/** A failed download, in the REST error shape that errorMessage() reads. */
export class DownloadError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly messageEn?: string,
    readonly status = 0,
  ) {
    super(message);
  }
  get error() {
    return { code: this.code, message: this.message, messageEn: this.messageEn };
  }
}

const FAILED = { id: 'Unduhan gagal. Coba lagi beberapa saat lagi.', en: 'The download failed. Please try again shortly.' };
const NETWORK = { id: 'Tidak dapat terhubung ke server. Periksa jaringan Anda.', en: 'Cannot reach the server. Check your connection.' };

/** filename*=UTF-8''… (RFC 5987) or filename="…" from Content-Disposition; null when absent. */
export function filenameFromDisposition(header: string | null): string | null {
  if (!header) return null;
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  if (star) {
    try {
      return decodeURIComponent(star[1]!.trim());
    } catch {
      /* fall through */
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/.exec(header);
  return plain ? plain[1]!.trim() : null;
}

export interface FetchFileOptions {
  token?: string | null;
  fetchImpl?: typeof fetch;
  /** 0–100 when the server sends Content-Length; called as chunks arrive. */
  onProgress?: (percent: number) => void;
}

/** GET with the Bearer token; resolves to the blob and its headers, rejects with DownloadError. */
export async function fetchFile(url: string, o: FetchFileOptions = {}): Promise<{ blob: Blob; result: DownloadResult }> {
  const f = o.fetchImpl ?? fetch;
  const token = o.token === undefined ? getToken() : o.token;
  let res: Response;
  try {
    res = await f(url, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  } catch {
    throw new DownloadError('NETWORK', NETWORK.id, NETWORK.en);
  }
  if (!res.ok) {
    type ErrorBody = { error?: { code?: string; message?: string; messageEn?: string } } | null;
    let body: ErrorBody = null;
    try {
      body = (await res.json()) as ErrorBody;
    } catch {
      body = null;
    }
    const e = body?.error;
    throw new DownloadError(e?.code ?? `HTTP_${res.status}`, e?.message ?? FAILED.id, e?.messageEn ?? FAILED.en, res.status);
  }
  const total = Number(res.headers.get('Content-Length') ?? 0);
  let blob: Blob;
  if (res.body && total > 0 && o.onProgress) {
    const reader = res.body.getReader();
    const chunks: Uint8Array[] = [];
    let loaded = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      loaded += value.length;
      o.onProgress(Math.min(100, Math.round((loaded / total) * 100)));
    }
    blob = new Blob(chunks as BlobPart[], { type: res.headers.get('Content-Type') ?? 'application/octet-stream' });
  } else {
    blob = await res.blob();
  }
  o.onProgress?.(100);
  const fallback = url.split('?')[0]!.split('/').pop() || 'unduhan';
  return {
    blob,
    result: {
      filename: filenameFromDisposition(res.headers.get('Content-Disposition')) ?? fallback,
      size: blob.size,
      documentId: res.headers.get('X-Document-Id'),
      verificationCode: res.headers.get('X-Verification-Code'),
      sha256: res.headers.get('X-Content-SHA256'),
    },
  };
}

/** Hands a blob to the browser as a download (object URL + a[download]). */
export function saveBlob(blob: Blob, filename: string) {
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = filename;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}

/**
 * Downloads that need the Authorization header (a plain link cannot send it): one at a time per
 * composable, with the key of the running one, its progress and the last error / result.
 */
export function useDownload(deps: { fetchImpl?: typeof fetch; save?: (blob: Blob, filename: string) => void } = {}) {
  const busy = ref<string | null>(null);
  const progress = ref<number | null>(null);
  const error = ref<DownloadError | null>(null);
  const last = ref<DownloadResult | null>(null);
  async function download(url: string, key: string = url, filename?: string): Promise<DownloadResult | null> {
    if (busy.value) return null;
    busy.value = key;
    progress.value = null;
    error.value = null;
    try {
      const { blob, result } = await fetchFile(url, { fetchImpl: deps.fetchImpl, onProgress: (p) => (progress.value = p) });
      const name = filename ?? result.filename;
      (deps.save ?? saveBlob)(blob, name);
      last.value = { ...result, filename: name };
      return last.value;
    } catch (e) {
      error.value = e instanceof DownloadError ? e : new DownloadError('UNKNOWN', FAILED.id, FAILED.en);
      return null;
    } finally {
      busy.value = null;
    }
  }
  return { busy, progress, error, last, download };
}
