import { ref } from 'vue';

/** The server's limit for a kop logo (office/letterhead.ts); checked here first to spare the upload. */
export const LOGO_MAX_BYTES = 512 * 1024;
export const LOGO_TYPES = ['image/png', 'image/jpeg'] as const;

export type LogoProblem = 'TYPE' | 'SIZE';

/** Why a chosen file cannot be a logo (by its declared type and size; the server checks the content). */
export function logoProblem(file: { type: string; size: number }): LogoProblem | null {
  if (!(LOGO_TYPES as readonly string[]).includes(file.type)) return 'TYPE';
  if (file.size > LOGO_MAX_BYTES) return 'SIZE';
  return null;
}

/** The bytes as base64 (what setLetterhead takes), without a data: prefix. */
export async function toBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let text = '';
  // In slices: String.fromCharCode with half a megabyte of arguments overflows the stack.
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}

/** A logo chosen in a file input: its base64 for the mutation and a data: URL for the preview. */
export function useLogoFile() {
  const chosen = ref<{ name: string; base64: string; dataUrl: string } | null>(null);
  const problem = ref<LogoProblem | null>(null);
  async function choose(file: File | null | undefined) {
    chosen.value = null;
    problem.value = file ? logoProblem(file) : null;
    if (!file || problem.value) return;
    const base64 = await toBase64(file);
    chosen.value = { name: file.name, base64, dataUrl: `data:${file.type};base64,${base64}` };
  }
  function clear() {
    chosen.value = null;
    problem.value = null;
  }
  return { chosen, problem, choose, clear };
}
