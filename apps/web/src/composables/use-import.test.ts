import { describe, expect, it, vi } from 'vitest';
import { ImportError, importCells, importXlsx, useImport } from './use-import';

const file = new File([new Uint8Array([0x50, 0x4b, 3, 4])], 'format.xlsx');
const bad = {
  error: {
    code: 'VALIDATION_FAILED',
    message: 'Berkas tidak dapat diimpor: 2 isian bermasalah. Tidak ada data yang disimpan.',
    cells: [
      { row: 9, column: 'Realisasi', message: 'Harus berupa angka' },
      { row: 7, column: 'Realisasi', message: 'Harus berupa angka' },
      { nonsense: true },
    ],
  },
};

describe('importCells', () => {
  it('keeps well-formed cells sorted by row', () => {
    expect(importCells(bad)).toEqual([
      { row: 7, column: 'Realisasi', message: 'Harus berupa angka' },
      { row: 9, column: 'Realisasi', message: 'Harus berupa angka' },
    ]);
    expect(importCells(null)).toEqual([]);
    expect(importCells({ error: { cells: 'x' } })).toEqual([]);
  });
});

describe('importXlsx', () => {
  it('posts the file and expectedVersion with the token', async () => {
    const f = vi.fn(async () => Response.json({ submission: { id: 's1', status: 'DRAFT', version: 4, values: [] } }));
    const sub = await importXlsx('s1', file, 3, { token: 'tok', fetchImpl: f as unknown as typeof fetch });
    expect(sub.version).toBe(4);
    const [url, init] = f.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/submissions/s1/import.xlsx');
    expect(init.method).toBe('POST');
    expect((init.headers as Record<string, string>).Authorization).toBe('Bearer tok');
    const form = init.body as FormData;
    expect(form.get('expectedVersion')).toBe('3');
    expect(form.get('file')).toBeInstanceOf(Blob);
  });

  it('rejects with every bad cell and the Indonesian message', async () => {
    const f = vi.fn(async () => Response.json(bad, { status: 400 }));
    const err = await importXlsx('s1', file, 1, { token: 't', fetchImpl: f as unknown as typeof fetch }).catch((e) => e);
    expect(err).toBeInstanceOf(ImportError);
    expect(err.code).toBe('VALIDATION_FAILED');
    expect(err.message).toMatch(/Tidak ada data yang disimpan/);
    expect(err.cells).toHaveLength(2);
  });
});

describe('useImport', () => {
  it('tracks importing and keeps the error', async () => {
    const f = vi.fn(async () => Response.json(bad, { status: 400 }));
    const i = useImport(f as unknown as typeof fetch);
    const p = i.run('s1', file, 1);
    expect(i.importing.value).toBe(true);
    expect(await p).toBeNull();
    expect(i.importing.value).toBe(false);
    expect(i.error.value?.cells[0]?.row).toBe(7);
  });
  it('network failure is said in Indonesian', async () => {
    const f = vi.fn(async () => {
      throw new TypeError('x');
    });
    const i = useImport(f as unknown as typeof fetch);
    await i.run('s1', file, 1);
    expect(i.error.value?.code).toBe('NETWORK');
    expect(i.error.value?.message).toMatch(/Tidak dapat terhubung/);
  });
});
