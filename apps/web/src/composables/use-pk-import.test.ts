import { describe, expect, it } from 'vitest';
import { importPkXlsx } from './use-pk-import';

const answer = (status: number, body: unknown): typeof fetch => (async () => new Response(JSON.stringify(body), { status })) as unknown as typeof fetch;

describe('importPkXlsx', () => {
  it('returns the count of targets set', async () => {
    expect(await importPkXlsx(2026, new Blob(['x']), { token: 't', fetchImpl: answer(200, { year: 2026, imported: 3 }) })).toEqual({ year: 2026, imported: 3 });
  });
  it('throws the refusal with its cells, sorted by row', async () => {
    const body = { error: { code: 'VALIDATION_FAILED', message: 'Berkas tidak dapat diimpor', messageEn: 'Cannot import', cells: [{ row: 9, column: 'Target', message: 'b' }, { row: 5, column: 'Indikator', message: 'a' }] } };
    await expect(importPkXlsx(2026, new Blob(['x']), { token: 't', fetchImpl: answer(400, body) })).rejects.toMatchObject({ code: 'VALIDATION_FAILED', cells: [{ row: 5 }, { row: 9 }] });
  });
});
