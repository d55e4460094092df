import { describe, expect, it, vi } from 'vitest';
import { useSecretOnce } from './use-secret-once';

const clipboardOk = () => {
  const writeText = vi.fn(async (_: string) => undefined);
  return { writeText };
};

describe('use-secret-once', () => {
  it('holds the secret until it is dismissed, then nothing brings it back', () => {
    const s = useSecretOnce(() => clipboardOk());
    expect(s.shown.value).toBe(false);
    s.reveal('spdk_abc123');
    expect(s.shown.value).toBe(true);
    expect(s.secret.value).toBe('spdk_abc123');
    s.dismiss();
    expect(s.shown.value).toBe(false);
    expect(s.secret.value).toBeNull();
  });

  it('copies exactly the secret and says so', async () => {
    const cb = clipboardOk();
    const s = useSecretOnce(() => cb);
    s.reveal('whsec_XYZ');
    await s.copy();
    expect(cb.writeText).toHaveBeenCalledWith('whsec_XYZ');
    expect(s.copyState.value).toBe('copied');
  });

  it('reports a refused clipboard instead of pretending it copied', async () => {
    const s = useSecretOnce(() => ({ writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) }));
    s.reveal('spdk_1');
    await s.copy();
    expect(s.copyState.value).toBe('failed');
    const none = useSecretOnce(() => undefined);
    none.reveal('spdk_2');
    await none.copy();
    expect(none.copyState.value).toBe('failed');
  });

  it('does nothing to the clipboard once dismissed', async () => {
    const cb = clipboardOk();
    const s = useSecretOnce(() => cb);
    s.reveal('spdk_gone');
    s.dismiss();
    await s.copy();
    expect(cb.writeText).not.toHaveBeenCalled();
    expect(s.copyState.value).toBe('idle');
  });

  it('a new secret replaces the previous one and resets the copy state', async () => {
    const s = useSecretOnce(() => clipboardOk());
    s.reveal('spdk_first');
    await s.copy();
    s.reveal('spdk_second');
    expect(s.secret.value).toBe('spdk_second');
    expect(s.copyState.value).toBe('idle');
  });
});
