import urql from '@urql/vue';
import { mount } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import { makeI18n } from '@/i18n';
import { mockClient } from '@/test/mock-client';
import KepalaOverview from './KepalaOverview.vue';

const node = (id: string, status: string, p: Record<string, unknown> = {}) => ({
  id, letterNumber: `050/${id}/2026`, letterDate: '2026-10-01', subject: `Permintaan ${id}`, sender: 'Bappeda', status, statusLabel: `label ${status}`, statusLabelEn: status,
  currentStep: 4, dueAt: '2026-12-03T01:00:00.000Z', overdue: false, acknowledgedAt: null, createdAt: '2026-11-30T01:00:00.000Z',
  period: { label: 'Triwulan III 2026' }, completeness: { bidangTotal: 4, accepted: 1, submitted: 2 }, latestAnalysis: null, ...p,
});

async function mountOverview(nodes: ReturnType<typeof node>[], awaitingSignature = 0) {
  const mock = mockClient((op) => (op === 'KepalaOverview'
    ? { data: { recent: { totalCount: nodes.length, edges: nodes.map((n) => ({ node: n })) }, all: { totalCount: nodes.length, edges: nodes.map((n) => ({ node: { id: n.id, status: n.status, overdue: n.overdue } })) } } }
    : {}));
  const router = createRouter({ history: createMemoryHistory(), routes: ['request', 'requests'].map((name) => ({ path: `/${name}/:id?`, name, component: { render: () => null } })) });
  const w = mount(KepalaOverview, { props: { awaitingSignature }, global: { plugins: [makeI18n('id'), router, [urql, mock.client]] } });
  await vi.waitFor(() => expect(w.find('[data-test="tile-running"] .tile-n').text()).not.toBe(''));
  return w;
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('KepalaOverview', () => {
  it('counts requests under way and late ones, shows the newest analysed capaian and each running request\'s step', async () => {
    const w = await mountOverview([
      node('a', 'COLLECTING', { overdue: true }),
      node('b', 'ANALYSING', { currentStep: 6, latestAnalysis: { id: 'x', office: { average: 86.956, category: { code: 'BAIK', label: 'Baik', labelEn: 'Good' } } } }),
      node('c', 'DONE', { currentStep: 7, overdue: false, latestAnalysis: { id: 'y', office: { average: 70, category: null } } }),
    ], 1);
    await vi.waitFor(() => expect(w.find('[data-test="tile-running"] .tile-n').text()).toBe('2'));
    expect(w.get('[data-test="tile-late"] .tile-n').text()).toBe('1');
    expect(w.get('[data-test="tile-signature"] .tile-n').text()).toBe('1');
    // The newest request with an analysis, in two decimals.
    expect(w.get('[data-test="office-headline"]').text()).toContain('86,96%');
    expect(w.get('[data-test="office-headline"]').text()).toContain('Baik');
    const steps = w.findAll('[data-test="overview-running"] [data-test="request-step"]').map((s) => s.text());
    expect(steps).toEqual(['Langkah 4 dari 7 · label COLLECTING', 'Langkah 6 dari 7 · label ANALYSING']);
    expect(w.findAll('[data-test="request-overdue"]')).toHaveLength(1);
  });

  it('says so when no request has an analysis yet', async () => {
    const w = await mountOverview([node('a', 'AT_KASUBBAG', { currentStep: 2 })]);
    await vi.waitFor(() => expect(w.text()).toContain('Belum ada capaian'));
    expect(w.find('[data-test="office-headline"]').exists()).toBe(false);
  });
});
