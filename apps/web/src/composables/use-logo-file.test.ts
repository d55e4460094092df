import { describe, expect, it } from 'vitest';
import { LOGO_MAX_BYTES, logoProblem, toBase64, useLogoFile } from './use-logo-file';

const PNG_HEAD = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

describe('logoProblem', () => {
  it.each([
    ['a PNG', 'image/png', 10_000, null],
    ['a JPEG at the limit', 'image/jpeg', LOGO_MAX_BYTES, null],
    ['a JPEG one byte over', 'image/jpeg', LOGO_MAX_BYTES + 1, 'SIZE'],
    ['a GIF', 'image/gif', 1_000, 'TYPE'],
    ['a PDF', 'application/pdf', 1_000, 'TYPE'],
    ['an SVG', 'image/svg+xml', 1_000, 'TYPE'],
  ])('%s → %s', (_name, type, size, expected) => {
    expect(logoProblem({ type, size })).toBe(expected);
  });
});

describe('toBase64', () => {
  it('encodes the bytes exactly, also beyond one slice', async () => {
    const bytes = new Uint8Array(70_000).map((_, i) => (i * 7) % 256);
    const b64 = await toBase64(new Blob([bytes]));
    expect(Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))).toEqual(bytes);
  });
});

describe('useLogoFile', () => {
  it('keeps a PNG as base64 with a preview; refuses a GIF without reading it', async () => {
    const logo = useLogoFile();
    await logo.choose(new File([new Uint8Array(PNG_HEAD)], 'logo.png', { type: 'image/png' }));
    expect(logo.problem.value).toBeNull();
    expect(logo.chosen.value).toEqual({ name: 'logo.png', base64: 'iVBORw0KGgo=', dataUrl: 'data:image/png;base64,iVBORw0KGgo=' });
    await logo.choose(new File(['GIF89a'], 'logo.gif', { type: 'image/gif' }));
    expect(logo.problem.value).toBe('TYPE');
    expect(logo.chosen.value).toBeNull();
    logo.clear();
    expect(logo.problem.value).toBeNull();
  });
});
