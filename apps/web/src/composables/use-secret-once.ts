import { computed, readonly, shallowRef } from 'vue';

export type CopyState = 'idle' | 'copied' | 'failed';
interface ClipboardLike {
  writeText(text: string): Promise<void>;
}

/**
 * A secret the server answers exactly once (an API token, a webhook signing key). It lives only in
 * this component state: never in storage, the URL or the GraphQL cache. Once the administrator
 * dismisses it, it is gone for good; nothing on the page can bring it back.
 */
export function useSecretOnce(clipboard: () => ClipboardLike | undefined = () => globalThis.navigator?.clipboard) {
  const value = shallowRef<string | null>(null);
  const copyState = shallowRef<CopyState>('idle');

  function reveal(secret: string) {
    value.value = secret;
    copyState.value = 'idle';
  }

  /** Copies to the clipboard; 'failed' when the browser refuses (then the person selects it by hand). */
  async function copy() {
    const secret = value.value;
    if (!secret) return;
    try {
      const cb = clipboard();
      if (!cb) throw new Error('no clipboard');
      await cb.writeText(secret);
      copyState.value = value.value === secret ? 'copied' : copyState.value;
    } catch {
      if (value.value === secret) copyState.value = 'failed';
    }
  }

  function dismiss() {
    value.value = null;
    copyState.value = 'idle';
  }

  return { secret: readonly(value), shown: computed(() => value.value !== null), copyState: readonly(copyState), reveal, copy, dismiss };
}
