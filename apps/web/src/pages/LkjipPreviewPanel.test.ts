import urql from '@urql/vue';
import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeI18n } from '@/i18n';
import { mockClient, type Responder } from '@/test/mock-client';
import LkjipPreviewPanel from './LkjipPreviewPanel.vue';

const preview = (p: Record<string, unknown> = {}) => ({
  year: 2026, renstraName: 'Renstra 2025–2029', ready: true,
  years: [
    { year: 2025, source: { label: 'Tahun 2025', letterNumber: '050/104/2026', analysisVersion: 1, submittedAt: '2026-01-20T03:00:00.000Z' }, notCounted: [] },
    {
      year: 2026,
      source: { label: 'Triwulan IV 2026', letterNumber: '050/990/2026', analysisVersion: 2, submittedAt: '2026-12-16T03:00:00.000Z' },
      notCounted: [
        { analysisId: 'a1', label: 'Triwulan IV 2026', letterNumber: '050/990/2026', analysisVersion: 1, status: 'SUBMITTED', reason: 'Ada analisis yang dikirim lebih baru: yang ini tidak dipakai.' },
        { analysisId: 'a2', label: 'Tahun 2026', letterNumber: '050/999/2026', analysisVersion: 1, status: 'DRAFT', reason: 'Masih draf (belum dikirim): tidak dihitung sampai dikirim.' },
      ],
    },
  ],
  ...p,
});

function mountPanel(respond: Responder, year = 2026) {
  const mock = mockClient(respond);
  const wrapper = mount(LkjipPreviewPanel, { props: { year }, global: { plugins: [makeI18n('id'), [urql, mock.client]] }, attachTo: document.body });
  return { wrapper, ...mock };
}

afterEach(() => {
  document.body.innerHTML = '';
  vi.restoreAllMocks();
});

describe('LkjipPreviewPanel', () => {
  it('asks nothing until opened, then shows per year the analysis used and what will not count, in Indonesian', async () => {
    const { wrapper, calls } = mountPanel(() => ({ data: { lkjipPreview: preview() } }));
    await flushPromises();
    expect(calls).toHaveLength(0);
    await wrapper.get('[data-test="preview-toggle"]').trigger('click');
    await vi.waitFor(() => expect(wrapper.find('[data-test="preview-2026"]').exists()).toBe(true));
    expect(calls.map((c) => [c.operationName, c.variables])).toEqual([['LkjipPreview', { year: 2026 }]]);
    expect(wrapper.get('[data-test="preview-ready"]').text()).toBe('Draf 2026 dapat disusun.');
    expect(wrapper.get('[data-test="preview-2025"] [data-test="used"]').text()).toContain('Tahun 2025: surat 050/104/2026, analisis versi 1');
    expect(wrapper.get('[data-test="preview-2025"] [data-test="not-counted"]').text()).toBe('—');
    const row = wrapper.get('[data-test="preview-2026"]');
    expect(row.get('[data-test="used"]').text()).toContain('Triwulan IV 2026: surat 050/990/2026, analisis versi 2');
    const notCounted = row.findAll('[data-test="not-counted"] li').map((li) => li.text());
    expect(notCounted).toEqual([
      'Triwulan IV 2026: surat 050/990/2026, analisis versi 1 — Ada analisis yang dikirim lebih baru: yang ini tidak dipakai.',
      'Tahun 2026: surat 050/999/2026, analisis versi 1 — Masih draf (belum dikirim): tidak dihitung sampai dikirim.',
    ]);
  });

  it('names a year without a frozen analysis and says the draft cannot be generated yet', async () => {
    const { wrapper } = mountPanel(() => ({ data: { lkjipPreview: preview({ year: 2027, ready: false, years: [...preview().years, { year: 2027, source: null, notCounted: [] }] }) } }), 2027);
    await wrapper.get('[data-test="preview-toggle"]').trigger('click');
    await vi.waitFor(() => expect(wrapper.find('[data-test="preview-2027"]').exists()).toBe(true));
    expect(wrapper.get('[data-test="preview-ready"]').text()).toBe('Draf 2027 belum dapat disusun: belum ada analisis beku tahun 2027.');
    expect(wrapper.get('[data-test="preview-2027"] [data-test="used"]').text()).toContain('Belum ada analisis beku');
  });
});
