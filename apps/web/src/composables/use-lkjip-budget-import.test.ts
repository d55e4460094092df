import { describe, expect, it } from 'vitest';
import { importLkjipBudget } from './use-lkjip-budget-import';

const answer = (status: number, body: unknown, seen: string[] = []): typeof fetch =>
  (async (url: string) => {
    seen.push(url);
    return new Response(JSON.stringify(body), { status });
  }) as unknown as typeof fetch;

describe('importLkjipBudget', () => {
  it('posts to the year and the version read, and returns the new version', async () => {
    const seen: string[] = [];
    expect(await importLkjipBudget(2025, 3, new Blob(['x']), { token: 't', fetchImpl: answer(200, { version: 4, rows: 2 }, seen) })).toEqual({ version: 4, rows: 2 });
    expect(seen).toEqual(['/api/lkjip/budget.xlsx?year=2025&expectedVersion=3']);
  });
  it('throws the refusal with its cells, sorted by row', async () => {
    const body = { error: { code: 'VALIDATION_FAILED', message: 'Bab III B tidak dapat disimpan', cells: [{ row: 7, column: 'Pagu', message: 'b' }, { row: 3, column: 'Realisasi', message: 'a' }] } };
    await expect(importLkjipBudget(2025, 3, new Blob(['x']), { token: 't', fetchImpl: answer(400, body) })).rejects.toMatchObject({ code: 'VALIDATION_FAILED', cells: [{ row: 3 }, { row: 7 }] });
  });
});
