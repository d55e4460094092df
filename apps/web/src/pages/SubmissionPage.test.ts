import urql from '@urql/vue';
import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import { clearSession, setSession } from '@/composables/use-auth';
import { makeI18n } from '@/i18n';
import { mockClient, type Responder } from '@/test/mock-client';
import SubmissionPage from './SubmissionPage.vue';

const SUB_ID = '11111111-1111-4111-8111-111111111111';
const REQ_ID = '22222222-2222-4222-8222-222222222222';

/** The submission as the API returns it (SubmissionView), at a status and version. */
function submission(status: string, version: number, realisasi: number | null) {
  const editable = status === 'DRAFT' || status === 'RETURNED';
  return {
    __typename: 'BidangSubmission',
    id: SUB_ID, requestId: REQ_ID, status, statusLabel: status, editable, version, narrative: null,
    returnReason: status === 'RETURNED' ? 'Realisasi IKU-01 belum sesuai' : null,
    submittedAt: null, firstSubmittedAt: '2026-11-30T02:00:00.000Z', reviewedAt: null, updatedAt: '2026-11-30T03:00:00.000Z', missingDocuments: [],
    bidang: { __typename: 'Bidang', id: 'b1', name: 'Bidang Pemerintahan Desa' },
    values: [{
      __typename: 'SubmissionValue', indicatorId: 'i1', indicatorCode: 'IKU-01', indicatorName: 'Desa mandiri', sasaran: 'Desa maju', satuan: 'desa', polarity: 'HIGHER_IS_BETTER',
      target: 80, targetUpper: null, realisasi, note: null, capaian: realisasi == null ? null : (realisasi / 80) * 100, capaianStatus: 'OK', category: null,
    }],
    documents: [],
    reviews: [],
  };
}
const request = {
  __typename: 'DataRequest', id: REQ_ID, letterNumber: '050/1/2026', subject: 'Permintaan data', status: 'COLLECTING', dueAt: null, overdue: false, requestedDocuments: [],
  period: { __typename: 'Period', label: 'Triwulan III 2026', year: 2026, triwulan: 3 },
};

async function mountPage(respond: Responder) {
  setSession('token', { mustChangePassword: false, roles: ['BIDANG_OPERATOR'], bidangIds: ['b1'], user: { id: 'u1', name: 'Operator', username: 'operator', nip: null, jabatan: null }, office: { id: 'o1', name: 'Dinas', regency: 'Kab', utcOffsetMinutes: 420 } } as never);
  const mock = mockClient(respond, { app: true });
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/permintaan/:id', name: 'request', component: { render: () => null } }, { path: '/kiriman/:id', name: 'submission', component: SubmissionPage, props: true }] });
  await router.push(`/kiriman/${SUB_ID}`);
  const wrapper = mount(SubmissionPage, { props: { id: SUB_ID }, global: { plugins: [makeI18n('id'), router, [urql, mock.client]] }, attachTo: document.body });
  await vi.waitFor(() => expect(wrapper.find('[data-test="submission-status"]').exists()).toBe(true));
  return { wrapper, ...mock };
}

afterEach(() => {
  document.body.innerHTML = '';
  clearSession();
});

describe('SubmissionPage', () => {
  /**
   * The resend race (issue 11): saving the typed values makes the document cache refetch the
   * submission; that refetch is read by the server before the submit commits, and its answer
   * arrives after the submit's. The page must show the submit's result (a newer version), not
   * the late, older answer: "Dikirim", read-only, and "Data terkirim.".
   */
  it('after resending a returned submission, a late answer of an older version does not bring back "Dikembalikan"', async () => {
    let detailCalls = 0;
    let submitAnswered!: () => void;
    const submitDone = new Promise<void>((r) => (submitAnswered = r));
    const { wrapper, count } = await mountPage(async (op) => {
      if (op === 'SubmissionDetail') {
        detailCalls++;
        if (detailCalls === 1) return { data: { submission: submission('RETURNED', 4, 70) } };
        // The refetch after the save: read before the submit committed, answered after it.
        await submitDone;
        await new Promise((r) => setTimeout(r, 20));
        return { data: { submission: submission('RETURNED', 5, 92) } };
      }
      if (op === 'SubmissionRequest') return { data: { dataRequest: request } };
      if (op === 'SaveSubmission') return { data: { saveSubmission: submission('RETURNED', 5, 92) } };
      if (op === 'SubmitSubmission') {
        setTimeout(() => submitAnswered(), 0);
        return { data: { submitSubmission: submission('SUBMITTED', 6, 92) } };
      }
      return { data: null };
    });
    expect(wrapper.get('[data-test="submission-status"]').text()).toBe('Dikembalikan');
    await wrapper.get('[data-test="realisasi-IKU-01"]').setValue('92');
    await wrapper.get('form.form').trigger('submit');
    // Wait until the late answer has arrived and been applied.
    await vi.waitFor(() => expect(detailCalls).toBeGreaterThanOrEqual(2));
    await submitDone;
    await new Promise((r) => setTimeout(r, 60));
    await flushPromises();
    expect(count('SaveSubmission')).toBe(1);
    expect(count('SubmitSubmission')).toBe(1);
    expect(wrapper.get('[data-test="submission-status"]').text()).toBe('Dikirim');
    expect(wrapper.find('[data-test="submit"]').exists()).toBe(false);
    expect(wrapper.find('[data-test="realisasi-IKU-01"]').exists()).toBe(false);
    expect(wrapper.get('[data-test="notice"]').text()).toBe('Data terkirim.');
  });

  it('a newer answer from the server still replaces what a mutation returned (an upload, a reviewer)', async () => {
    let detailCalls = 0;
    const { wrapper } = await mountPage((op) => {
      if (op === 'SubmissionDetail') {
        detailCalls++;
        return { data: { submission: detailCalls === 1 ? submission('RETURNED', 4, 70) : submission('ACCEPTED', 7, 92) } };
      }
      if (op === 'SubmissionRequest') return { data: { dataRequest: request } };
      if (op === 'SaveSubmission') return { data: { saveSubmission: submission('RETURNED', 5, 92) } };
      return { data: null };
    });
    await wrapper.get('[data-test="realisasi-IKU-01"]').setValue('92');
    await wrapper.get('[data-test="save-draft"]').trigger('click');
    await vi.waitFor(() => expect(wrapper.get('[data-test="submission-status"]').text()).toBe('Diterima'));
  });
});
