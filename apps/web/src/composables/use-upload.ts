import { ref } from 'vue';
import type { DocumentKind } from '@/gql/graphql';
import { getToken } from './use-auth';

export interface StoredDocumentJson {
  id: string;
  kind: DocumentKind;
  filename: string;
  size: number;
  mimeType?: string;
  sha256?: string;
  downloadUrl: string;
}

export class UploadError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly messageEn?: string,
  ) {
    super(message);
  }
  /** Same shape as the REST error body, so errorMessage() reads it. */
  get error() {
    return { code: this.code, message: this.message, messageEn: this.messageEn };
  }
}

export interface UploadOptions {
  /** A Bidang submission's attachment… */
  submissionId?: string;
  /** …or a request-level document (format, report), for the secretariat. */
  requestId?: string;
  /** …or evidence of an audit follow-up action (TL HP), for its Bidang. */
  followUpActionId?: string;
  kind: DocumentKind;
  file: File | Blob;
  filename?: string;
  token?: string | null;
  onProgress?: (percent: number) => void;
  /** Tests pass a fake; the browser's XMLHttpRequest otherwise (fetch has no upload progress). */
  xhr?: () => XMLHttpRequest;
}

/** POST /api/documents?submissionId=…&kind=…, multipart field "file"; resolves to the StoredDocument. */
export function uploadDocument(o: UploadOptions): Promise<StoredDocumentJson> {
  return new Promise((resolve, reject) => {
    const xhr = o.xhr ? o.xhr() : new XMLHttpRequest();
    const target = o.submissionId
      ? `submissionId=${encodeURIComponent(o.submissionId)}`
      : o.followUpActionId
        ? `followUpActionId=${encodeURIComponent(o.followUpActionId)}`
        : `requestId=${encodeURIComponent(o.requestId ?? '')}`;
    const url = `/api/documents?${target}&kind=${encodeURIComponent(o.kind)}`;
    xhr.open('POST', url);
    const token = o.token ?? getToken();
    if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    xhr.upload.onprogress = (e: ProgressEvent) => {
      if (e.lengthComputable && e.total > 0) o.onProgress?.(Math.min(100, Math.round((e.loaded / e.total) * 100)));
    };
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = null;
      }
      if (xhr.status >= 200 && xhr.status < 300 && body && typeof body === 'object' && 'id' in body) {
        o.onProgress?.(100);
        resolve(body as StoredDocumentJson);
        return;
      }
      const err = (body as { error?: { code?: string; message?: string; messageEn?: string } } | null)?.error;
      reject(new UploadError(err?.code ?? `HTTP_${xhr.status}`, err?.message ?? 'Unggahan gagal.', err?.messageEn ?? 'Upload failed.'));
    };
    xhr.onerror = () => reject(new UploadError('NETWORK', 'Tidak dapat terhubung ke server. Periksa jaringan Anda.', 'Cannot reach the server.'));
    const form = new FormData();
    if (o.filename) form.append('file', o.file, o.filename);
    else form.append('file', o.file);
    xhr.send(form);
  });
}

/** One upload at a time with its progress (0–100) and error, for a file field. */
export function useUpload(xhr?: () => XMLHttpRequest) {
  const progress = ref(0);
  const uploading = ref(false);
  const error = ref<UploadError | null>(null);
  async function upload(target: string | { submissionId?: string; requestId?: string; followUpActionId?: string }, kind: DocumentKind, file: File) {
    const to = typeof target === 'string' ? { submissionId: target } : target;
    uploading.value = true;
    progress.value = 0;
    error.value = null;
    try {
      return await uploadDocument({ ...to, kind, file, xhr, onProgress: (p) => (progress.value = p) });
    } catch (e) {
      error.value = e instanceof UploadError ? e : new UploadError('UNKNOWN', 'Unggahan gagal.', 'Upload failed.');
      return null;
    } finally {
      uploading.value = false;
    }
  }
  return { progress, uploading, error, upload };
}
