import urql from '@urql/vue';
import { mount } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setSession } from '@/composables/use-auth';
import { makeI18n } from '@/i18n';
import { mockClient, type Responder } from '@/test/mock-client';
import RequestAsksPanel from './RequestAsksPanel.vue';

const B1 = { id: 'b1', name: 'Bidang Pemerintahan Desa', code: 'PEMDES', active: true };
const B2 = { id: 'b2', name: 'Bidang Keuangan dan Aset Desa', code: 'KEUDES', active: true };
const B3 = { id: 'b3', name: 'Bidang Lama', code: 'LAMA', active: false };
const adHoc = (id: string, bidangId: string) => ({
  id, code: `KHUSUS-1-${bidangId}`, name: 'Jumlah desa RKPDes tepat waktu', satuan: 'desa', polarity: 'HIGHER_IS_BETTER', bidangId, adHoc: true, targets: [{ year: 2026, triwulan: 3, target: 40, targetUpper: null }],
});
const request = (over: Record<string, unknown> = {}) => ({
  id: 'r1', version: 3, status: 'AT_KASUBBAG', currentStep: 2, asksEditable: true, requesterDeadlineEditable: true, requesterDeadline: null,
  bidang: [B1, B2].map(({ active: _a, ...b }) => b),
  indicators: [{ id: 'i1', code: 'IKU-01', name: 'Persentase APBDes', satuan: '%', polarity: 'HIGHER_IS_BETTER', bidangId: 'b1', adHoc: false, targets: [] }],
  scheduleWarning: null,
  ...over,
});

async function mountPanel(respond: Responder) {
  setSession('t', { mustChangePassword: false, roles: ['KASUBBAG'], bidangIds: [], user: { id: 'u1', name: 'Agus', username: 'kasubbag', nip: null, jabatan: null }, office: { id: 'o1', name: 'DPMD', regency: 'Nganjuk', utcOffsetMinutes: 420 } } as never);
  const mock = mockClient(respond);
  const wrapper = mount(RequestAsksPanel, { props: { requestId: 'r1' }, global: { plugins: [makeI18n('id'), [urql, mock.client]] }, attachTo: document.body });
  await vi.waitFor(() => expect(wrapper.find('[data-test="request-asks"]').exists()).toBe(true));
  return { wrapper, ...mock };
}

afterEach(() => {
  document.body.innerHTML = '';
  vi.restoreAllMocks();
});

describe('RequestAsksPanel', () => {
  it('shows the API’s warning, and the active Bidang to choose from; saves the choice with the version seen', async () => {
    const warning = { projectedEndAt: '2026-12-07T01:30:00.000Z', deadlinePassed: false, message: 'Menurut waktu baku SOP permintaan ini baru selesai 7 Desember 2026 08.30 WIB.', messageEn: 'By the SOP…' };
    const { wrapper, calls } = await mountPanel((op, v) =>
      op === 'RequestAsks'
        ? { data: { dataRequest: request({ scheduleWarning: warning, requesterDeadline: '2026-12-01T09:00:00.000Z' }), bidangList: [B1, B2, B3] } }
        : op === 'SetRequestBidang'
          ? { data: { setRequestBidang: request({ version: 4, bidang: [{ id: 'b1', name: B1.name, code: 'PEMDES' }] }) } }
          : { data: {} },
    );
    expect(wrapper.get('[data-test="schedule-warning"]').text()).toContain('Menurut waktu baku SOP permintaan ini baru selesai 7 Desember 2026 08.30 WIB.');
    // The deadline reads back in office time (WIB): 09:00 UTC is 16:00.
    expect(wrapper.get<HTMLInputElement>('#deadline-date').element.value).toBe('2026-12-01');
    expect(wrapper.get<HTMLInputElement>('#deadline-time').element.value).toBe('16:00');
    // An inactive Bidang is not offered.
    expect(wrapper.find('[data-test="bidang-LAMA"]').exists()).toBe(false);
    await wrapper.get('[data-test="bidang-KEUDES"]').setValue(false);
    await wrapper.get('[data-test="bidang-form"]').trigger('submit');
    await vi.waitFor(() => expect(wrapper.text()).toContain('Pilihan Bidang tersimpan.'));
    expect(calls.find((c) => c.operationName === 'SetRequestBidang')!.variables).toEqual({ input: { requestId: 'r1', bidangIds: ['b1'], expectedVersion: 3 } });
    expect(wrapper.emitted('changed')).toHaveLength(1);
  });

  it('adds an ad-hoc indicator for the ticked Bidang; an empty target is sent as none', async () => {
    let current = request();
    const { wrapper, calls } = await mountPanel((op) => {
      if (op === 'AddAdHocIndicator') current = request({ version: 4, indicators: [adHoc('x1', 'b1'), adHoc('x2', 'b2')] });
      return op === 'RequestAsks' ? { data: { dataRequest: current, bidangList: [B1, B2] } } : op === 'AddAdHocIndicator' ? { data: { addAdHocIndicator: current } } : { data: {} };
    });
    const add = wrapper.get('[data-test="add-adhoc"]');
    expect(add.attributes('disabled')).toBeDefined();
    await wrapper.get('#adhoc-name').setValue('Jumlah desa RKPDes tepat waktu');
    await wrapper.get('#adhoc-satuan').setValue('desa');
    await wrapper.get('[data-test="adhoc-bidang-PEMDES"]').setValue(true);
    await wrapper.get('[data-test="adhoc-bidang-KEUDES"]').setValue(true);
    expect(add.attributes('disabled')).toBeUndefined();
    await wrapper.get('[data-test="adhoc-form"]').trigger('submit');
    await vi.waitFor(() => expect(wrapper.findAll('[data-test="adhoc-item"]')).toHaveLength(2));
    expect(calls.find((c) => c.operationName === 'AddAdHocIndicator')!.variables).toEqual({
      input: { requestId: 'r1', name: 'Jumlah desa RKPDes tepat waktu', satuan: 'desa', polarity: 'HIGHER_IS_BETTER', target: null, targetUpper: null, bidangIds: ['b1', 'b2'], expectedVersion: 3 },
    });
    // The form is cleared for the next one.
    expect(wrapper.get<HTMLInputElement>('#adhoc-name').element.value).toBe('');
  });

  it('reads the target in the language’s convention and stops a target that is not a number', async () => {
    const { wrapper, calls } = await mountPanel((op) => (op === 'RequestAsks' ? { data: { dataRequest: request(), bidangList: [B1, B2] } } : { data: { addAdHocIndicator: request() } }));
    await wrapper.get('#adhoc-name').setValue('Persentase desa dengan Perdes');
    await wrapper.get('#adhoc-satuan').setValue('%');
    await wrapper.get('[data-test="adhoc-bidang-PEMDES"]').setValue(true);
    await wrapper.get('#adhoc-target').setValue('72,5,1');
    expect(wrapper.find('[data-test="adhoc-target-invalid"]').exists()).toBe(true);
    expect(wrapper.get('[data-test="add-adhoc"]').attributes('disabled')).toBeDefined();
    await wrapper.get('#adhoc-target').setValue('1.250,5');
    expect(wrapper.find('[data-test="adhoc-target-invalid"]').exists()).toBe(false);
    await wrapper.get('[data-test="adhoc-form"]').trigger('submit');
    await vi.waitFor(() => expect(calls.some((c) => c.operationName === 'AddAdHocIndicator')).toBe(true));
    expect(calls.find((c) => c.operationName === 'AddAdHocIndicator')!.variables).toMatchObject({ input: { target: 1250.5 } });
  });

  it('after the format is sent: the choice and the ad-hoc indicators are shown, not editable', async () => {
    const { wrapper } = await mountPanel((op) =>
      op === 'RequestAsks'
        ? { data: { dataRequest: request({ status: 'COLLECTING', currentStep: 4, asksEditable: false, indicators: [adHoc('x1', 'b1')] }), bidangList: [B1, B2] } }
        : { data: {} },
    );
    expect(wrapper.find('[data-test="bidang-form"]').exists()).toBe(false);
    expect(wrapper.find('[data-test="adhoc-form"]').exists()).toBe(false);
    expect(wrapper.get('[data-test="bidang-list"]').text()).toContain('Bidang Pemerintahan Desa');
    expect(wrapper.get('[data-test="adhoc-item"]').text()).toContain('Target: 40');
    expect(wrapper.get('[data-test="adhoc-item"]').find('button').exists()).toBe(false);
    expect(wrapper.text()).toContain('tidak dapat diubah lagi setelah format dikirim');
  });
});
