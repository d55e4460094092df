import urql from '@urql/vue';
import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setViewer, type Viewer } from '@/composables/use-auth';
import { makeI18n } from '@/i18n';
import { mockClient, type Responder } from '@/test/mock-client';
import LkjipPage from './LkjipPage.vue';

const row = (p: Record<string, unknown>) => ({
  indicatorId: 'i1', no: '1.1', code: 'IKU-01', name: 'Persentase desa yang menetapkan APBDes tepat waktu', satuan: '%', target: 100, targetUpper: null,
  realisasi: 94.32, capaian: 94.32, capaianStatus: 'OK', category: { label: 'Sangat Baik' },
  lastYear: { year: 2024, realisasi: 88.64, capaian: 88.64 }, differenceFromLastYear: 5.68, trend: 'UP', renstraTarget: 100, renstraEndYear: 2028, renstraCapaian: 94.32, ...p,
});
const draft = (p: Record<string, unknown> = {}) => ({
  id: 'd2', year: 2025, version: 2, latest: true, change: 'EDITED', editable: true, generatedAt: '2026-11-30T02:00:00.000Z', createdAt: '2026-11-30T03:00:00.000Z', createdByName: 'Agus Priyanto, S.E.',
  renstraName: 'Renstra 2024–2028', renstraStartYear: 2024, renstraEndYear: 2028, scale: 'LKJIP_5 v1',
  sources: [{ year: 2025, label: 'Tahun 2025', letterNumber: '050/104/411.103/2026', analysisVersion: 1, submittedAt: '2026-01-20T03:00:00.000Z' }],
  yearsWithoutSource: [],
  sasaran: [{
    sasaranId: 's1', no: 1, code: 'S1', name: 'Meningkatnya kualitas tata kelola pemerintahan desa', average: 94.32, category: { label: 'Sangat Baik' },
    indicators: [row({})],
    narrative: { causes: 'Klinik APBDes.', obstacles: null, solutions: null, efficiency: null, programmes: null },
    gathered: { causes: 'Klinik APBDes.', obstacles: null, solutions: null },
  }],
  budget: { rows: [], totalPagu: 0, totalRealisasi: 0, totalPercent: null },
  versions: [{ version: 2, change: 'EDITED', createdAt: '2026-11-30T03:00:00.000Z', createdByName: 'Agus' }, { version: 1, change: 'GENERATED', createdAt: '2026-11-30T02:00:00.000Z', createdByName: 'Agus' }],
  ...p,
});

async function mountPage(roles: string[], respond: Responder) {
  setViewer({ roles } as unknown as Viewer);
  const mock = mockClient(respond);
  const wrapper = mount(LkjipPage, { global: { plugins: [makeI18n('id'), [urql, mock.client]] }, attachTo: document.body });
  await vi.waitFor(() => expect(wrapper.find('[data-test="summary"], [data-test="no-draft"]').exists()).toBe(true));
  return { wrapper, ...mock };
}

afterEach(() => {
  document.body.innerHTML = '';
  vi.restoreAllMocks();
});

describe('LkjipPage', () => {
  it('opens on last year and offers the Kasubbag to generate when there is no draft', async () => {
    const { wrapper, calls } = await mountPage(['KASUBBAG'], (op) => (op === 'LkjipDraft' ? { data: { lkjipDraft: null } } : {}));
    expect(calls[0]!.variables).toEqual({ year: new Date().getFullYear() - 1, version: null });
    expect(wrapper.get('[data-test="no-draft"]').text()).toContain(`Draf LKjIP tahun ${new Date().getFullYear() - 1} belum disusun`);
    expect(wrapper.find('[data-test="generate"]').exists()).toBe(true);
  });

  it('shows the numbers as text, never as inputs, in the Indonesian format', async () => {
    const { wrapper } = await mountPage(['KASUBBAG'], (op) => (op === 'LkjipDraft' ? { data: { lkjipDraft: draft() } } : {}));
    const card = wrapper.get('[data-test="card-IKU-01"]');
    expect(card.get('[data-test="realisasi"]').text()).toBe('94,32');
    expect(card.get('[data-test="capaian"]').text()).toBe('94,32% · Sangat Baik');
    expect(card.text()).toContain('88,64 (88,64%) ▲');
    expect(wrapper.findAll('[data-test="cards-S1"] input, table input')).toHaveLength(0);
    expect((wrapper.get('[data-test="causes-S1"]').element as HTMLTextAreaElement).value).toBe('Klinik APBDes.');
  });

  it('reads Bab III B the Indonesian way and saves it with the narratives as a new version', async () => {
    const { wrapper, calls } = await mountPage(['KASUBBAG'], (op, v) => {
      if (op === 'LkjipDraft') return { data: { lkjipDraft: draft() } };
      if (op === 'SaveLkjipDraft') return { data: { saveLkjipDraft: draft({ version: 3, budget: { rows: [{ no: 1, programme: 'Program Penataan Desa', pagu: 1250000000, realisasi: 1187500000.5, percent: 95 }], totalPagu: 1250000000, totalRealisasi: 1187500000.5, totalPercent: 95 }, versions: [{ version: 3, change: 'EDITED', createdAt: '2026-11-30T04:00:00.000Z', createdByName: 'Agus' }] }) } };
      return { errors: [{ message: `unexpected ${op} ${JSON.stringify(v)}` }] };
    });
    await wrapper.get('[data-test="efficiency-S1"]').setValue('Biaya pelatihan per peserta turun 18 %.');
    await wrapper.get('[data-test="add-line"]').trigger('click');
    await wrapper.get('[data-test="programme-0"]').setValue('Program Penataan Desa');
    await wrapper.get('[data-test="pagu-0"]').setValue('1.250.000.000');
    await wrapper.get('[data-test="budget-realisasi-0"]').setValue('1.187.500.000,50');
    await wrapper.get('[data-test="save"]').trigger('click');
    await vi.waitFor(() => expect(wrapper.find('[data-test="note"]').exists()).toBe(true));
    const save = calls.find((c) => c.operationName === 'SaveLkjipDraft')!;
    expect(save.variables.input).toEqual({
      year: 2025,
      expectedVersion: 2,
      narratives: [{ sasaranId: 's1', causes: 'Klinik APBDes.', obstacles: null, solutions: null, efficiency: 'Biaya pelatihan per peserta turun 18 %.', programmes: null }],
      budget: [{ programme: 'Program Penataan Desa', pagu: 1250000000, realisasi: 1187500000.5 }],
    });
    expect(wrapper.get('[data-test="note"]').text()).toBe('Tersimpan sebagai versi 3.');
    expect(wrapper.get('[data-test="percent-0"]').text()).toBe('95%');
  });

  it('names an amount it cannot read and sends nothing', async () => {
    const { wrapper, count } = await mountPage(['KASUBBAG'], (op) => (op === 'LkjipDraft' ? { data: { lkjipDraft: draft() } } : {}));
    await wrapper.get('[data-test="add-line"]').trigger('click');
    await wrapper.get('[data-test="programme-0"]').setValue('Program Penataan Desa');
    await wrapper.get('[data-test="pagu-0"]').setValue('satu milyar');
    await wrapper.get('[data-test="budget-realisasi-0"]').setValue('10');
    await wrapper.get('[data-test="save"]').trigger('click');
    await flushPromises();
    expect(wrapper.get('[data-test="budget-problems"]').text()).toContain('Program 1: Pagu (Rp) bukan angka yang dapat dibaca.');
    expect(count('SaveLkjipDraft')).toBe(0);
  });

  it('the Sekretaris reads: no generate, no save, narratives disabled', async () => {
    const { wrapper } = await mountPage(['SEKRETARIS'], (op) => (op === 'LkjipDraft' ? { data: { lkjipDraft: draft({ editable: false }) } } : {}));
    expect(wrapper.find('[data-test="generate"]').exists()).toBe(false);
    expect(wrapper.find('[data-test="save"]').exists()).toBe(false);
    // The narratives' fieldset is disabled (and with it every textarea in it).
    expect((wrapper.get('fieldset.narrative').element as HTMLFieldSetElement).disabled).toBe(true);
  });
});
