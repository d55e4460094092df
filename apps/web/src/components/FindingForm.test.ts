import urql from '@urql/vue';
import { mount } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeI18n } from '@/i18n';
import { mockClient, type Responder } from '@/test/mock-client';
import FindingForm from './FindingForm.vue';

const choices = {
  bidangList: [
    { id: 'b1', code: 'PEMDES', name: 'Bidang Pemerintahan Desa', active: true },
    { id: 'b2', code: 'KEUDES', name: 'Bidang Keuangan dan Aset Desa', active: true },
    { id: 'b3', code: 'LAMA', name: 'Bidang Lama', active: false },
  ],
  indicators: [{ id: 'i1', code: 'IKU-06', name: 'Jumlah temuan pemeriksaan' }],
};
const report = { id: 'r1', source: 'INSPEKTORAT', kind: 'LHP', number: '700/1/2026', title: 'LHP', year: 2026, receivedDate: '2026-06-01', deadlineDays: 60, deadline: '2026-07-31', findingCount: 1 };
const rec = (id: string, code: string, actions: { id: string }[] = []) => ({ id, code, text: `Rekomendasi ${code}`, status: 'BELUM_DITINDAKLANJUTI', statusNumber: 3, deadline: '2026-07-31', overdue: true, awaitingVerification: actions.length > 0, actions });
const finding = (recs: ReturnType<typeof rec>[]) => ({
  id: 'f1-0000-0000', code: '1.02', title: 'Aset desa belum dicatat', kondisi: 'Kondisi.', kriteria: 'Kriteria.', sebab: 'Sebab.', akibat: 'Akibat.',
  bidangId: 'b1', bidangName: 'Bidang Pemerintahan Desa', indicatorId: null, indicatorName: null, version: 3, editable: true, editBlockedReason: null, editBlockedReasonEn: null, report, recommendations: recs,
});

async function mountForm(props: Record<string, unknown>, respond: Responder) {
  const mock = mockClient((op, v) => (op === 'FindingFormChoices' ? { data: choices } : respond(op, v)));
  const wrapper = mount(FindingForm, { props: { reportId: 'r1', ...props }, global: { plugins: [makeI18n('id'), [urql, mock.client]] }, attachTo: document.body });
  await vi.waitFor(() => expect(wrapper.findAll('[data-test="f-bidang"] option').length).toBeGreaterThan(1));
  return { wrapper, ...mock };
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('FindingForm', () => {
  it('enters a finding with two recommendations; inactive Bidang are not offered', async () => {
    const saved = finding([rec('x1', '1.02.1'), rec('x2', '1.02.2')]);
    const { wrapper, calls } = await mountForm({}, (op) => (op === 'AddFinding' ? { data: { addFinding: saved } } : {}));
    expect(wrapper.findAll('[data-test="f-bidang"] option').map((o) => o.text())).toEqual(['Pilih Bidang', 'Bidang Pemerintahan Desa', 'Bidang Keuangan dan Aset Desa']);
    await wrapper.get('[data-test="f-code"]').setValue('1.02');
    await wrapper.get('[data-test="f-bidang"]').setValue('b2');
    await wrapper.get('[data-test="f-indicator"]').setValue('i1');
    for (const k of ['title', 'kondisi', 'kriteria', 'sebab', 'akibat']) await wrapper.get(`[data-test="f-${k}"]`).setValue(`Isi ${k}`);
    await wrapper.get('[data-test="f-rec-text"]').setValue('Menginventarisasi aset.');
    await wrapper.get('[data-test="f-rec-code"]').setValue('1.02.1');
    await wrapper.get('[data-test="f-rec-add"]').trigger('click');
    // A new row proposes the next code of the finding.
    expect((wrapper.findAll('[data-test="f-rec-code"]')[1]!.element as HTMLInputElement).value).toBe('1.02.2');
    await wrapper.findAll('[data-test="f-rec-text"]')[1]!.setValue('Menegur bendahara.');
    await wrapper.get('form').trigger('submit');
    await vi.waitFor(() => expect(wrapper.emitted('saved')).toBeTruthy());
    expect(calls.find((c) => c.operationName === 'AddFinding')!.variables).toEqual({
      input: {
        reportId: 'r1', code: '1.02', title: 'Isi title', kondisi: 'Isi kondisi', kriteria: 'Isi kriteria', sebab: 'Isi sebab', akibat: 'Isi akibat', bidangId: 'b2', indicatorId: 'i1',
        recommendations: [{ code: '1.02.1', text: 'Menginventarisasi aset.' }, { code: '1.02.2', text: 'Menegur bendahara.' }],
      },
    });
  });

  it('edits with the version read and the ids kept; an answered recommendation and the Bidang are locked, the other may go', async () => {
    const f = finding([rec('x1', '1.02.1', [{ id: 'a1' }]), rec('x2', '1.02.2')]);
    const { wrapper, calls } = await mountForm({ finding: f }, (op) => (op === 'UpdateFinding' ? { data: { updateFinding: f } } : {}));
    expect(wrapper.get('[data-test="f-bidang"]').attributes('disabled')).toBeDefined();
    expect(wrapper.text()).toContain('Bidang sudah mengirim tindak lanjut: Bidang penanggung jawab tetap.');
    const texts = wrapper.findAll('[data-test="f-rec-text"]');
    expect(texts[0]!.attributes('readonly')).toBeDefined();
    expect(texts[1]!.attributes('readonly')).toBeUndefined();
    // Only the unanswered recommendation has a remove button.
    expect(wrapper.findAll('[data-test="f-rec-remove"]').map((b) => b.text())).toEqual(['Hapus rekomendasi 1.02.2']);
    await wrapper.get('[data-test="f-rec-remove"]').trigger('click');
    await wrapper.get('[data-test="f-kondisi"]').setValue('Kondisi diperjelas.');
    await wrapper.get('form').trigger('submit');
    await vi.waitFor(() => expect(wrapper.emitted('saved')).toBeTruthy());
    expect(calls.find((c) => c.operationName === 'UpdateFinding')!.variables).toEqual({
      input: {
        id: 'f1-0000-0000', expectedVersion: 3, code: '1.02', title: 'Aset desa belum dicatat', kondisi: 'Kondisi diperjelas.', kriteria: 'Kriteria.', sebab: 'Sebab.', akibat: 'Akibat.', bidangId: 'b1', indicatorId: null,
        recommendations: [{ id: 'x1', code: '1.02.1', text: 'Rekomendasi 1.02.1' }],
      },
    });
  });

  it('shows the API’s refusal with its field lines and does not close', async () => {
    const f = finding([rec('x1', '1.02.1')]);
    const refusal = { message: 'Temuan ini tidak dapat diubah lagi: tindak lanjutnya sudah diverifikasi APIP.', extensions: { code: 'NOT_EDITABLE', messageEn: 'This finding can no longer be changed.', fields: [] } };
    const { wrapper } = await mountForm({ finding: f }, (op) => (op === 'UpdateFinding' ? { data: null, errors: [refusal] } : {}));
    await wrapper.get('form').trigger('submit');
    await vi.waitFor(() => expect(wrapper.find('[data-test="error"]').exists()).toBe(true));
    expect(wrapper.get('[data-test="error"]').text()).toContain('Temuan ini tidak dapat diubah lagi: tindak lanjutnya sudah diverifikasi APIP.');
    expect(wrapper.emitted('saved')).toBeFalsy();
  });
});
