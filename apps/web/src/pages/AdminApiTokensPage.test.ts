import urql from '@urql/vue';
import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeI18n } from '@/i18n';
import { adminRouter, mockClient, type Responder } from '@/test/mock-client';
import AdminApiTokensPage from './AdminApiTokensPage.vue';

const SECRET = 'spdk_Q2hhbmdlTWVQbGVhc2UtdGhpcy1pcy1hLXRlc3QtdG9rZW4';
const office = { id: 'o1', name: 'Dinas PMD Kabupaten Nganjuk', utcOffsetMinutes: 420 };
const users = [{ id: 'u1', name: 'Admin Dinas', username: 'admin' }];
const token = (p: Record<string, unknown>) => ({
  id: 't1', name: 'Dashboard Bappeda', prefix: 'spdk_AbCd1234', scopes: ['READ_PERFORMANCE'], createdAt: '2026-11-20T02:00:00.000Z', createdById: 'u1',
  expiresAt: '2027-02-18T16:59:59.000Z', lastUsedAt: null, revokedAt: null, active: true, ...p,
});

async function mountPage(respond: Responder) {
  const mock = mockClient(respond);
  const router = adminRouter();
  await router.push('/admin-api-tokens');
  const wrapper = mount(AdminApiTokensPage, { global: { plugins: [makeI18n('id'), router, [urql, mock.client]] }, attachTo: document.body });
  await vi.waitFor(() => expect(wrapper.find('[data-test="token-list"], [data-test="empty"]').exists()).toBe(true));
  return { wrapper, ...mock };
}

afterEach(() => {
  document.body.innerHTML = '';
  vi.restoreAllMocks();
});

describe('AdminApiTokensPage', () => {
  it('lists every token with its state, scopes, office and use; no revoke on a revoked token', async () => {
    const list = [
      token({ id: 'a', name: 'Aktif', lastUsedAt: '2026-11-24T03:15:00.000Z', scopes: ['READ_REQUESTS', 'READ_ANALYSES'] }),
      token({ id: 'r', name: 'Dicabut', revokedAt: '2026-11-22T01:00:00.000Z', active: false }),
      token({ id: 'e', name: 'Lama', expiresAt: '2026-11-01T16:59:59.000Z', active: false }),
    ];
    const { wrapper } = await mountPage((op) => (op === 'AdminApiTokens' ? { data: { apiTokens: list, office, users } } : {}));
    const cards = wrapper.findAll('[data-test="token"]');
    expect(cards.map((c) => c.get('[data-test="token-state"]').text())).toEqual(['Aktif', 'Dicabut', 'Kedaluwarsa']);
    expect(cards[0]!.text()).toContain('Permintaan data');
    expect(cards[0]!.text()).toContain('Analisis capaian');
    expect(cards[0]!.text()).toContain('Dinas PMD Kabupaten Nganjuk');
    expect(cards[0]!.text()).toContain('24 November 2026 10.15 WIB');
    expect(cards[0]!.text()).toContain('oleh Admin Dinas');
    expect(cards[1]!.text()).toContain('Belum pernah dipakai');
    expect(cards[1]!.text()).toContain('Dicabut pada');
    expect(cards.map((c) => c.find('[data-test="confirm-ask"]').exists())).toEqual([true, false, true]);
  });

  it('shows the new token once, with a warning and a copy button; after "saved" it is gone for good', async () => {
    const writeText = vi.fn(async (_: string) => undefined);
    vi.spyOn(navigator, 'clipboard', 'get').mockReturnValue({ writeText } as unknown as Clipboard);
    let created = false;
    const { wrapper, calls, count } = await mountPage((op, v) => {
      if (op === 'AdminApiTokens') return { data: { apiTokens: created ? [token({ name: 'Dashboard Bappeda' })] : [], office, users } };
      if (op === 'CreateApiToken') {
        created = true;
        const input = v.input as { name: string; scopes: string[]; expiresAt: string };
        return { data: { createApiToken: { token: SECRET, apiToken: { id: 't1', name: input.name, prefix: 'spdk_Q2hhbmdl', scopes: input.scopes, expiresAt: input.expiresAt } } } };
      }
      return {};
    });
    const submit = wrapper.get('[data-test="token-create"]');
    expect(submit.attributes('disabled')).toBeDefined();
    await wrapper.get('#t-name').setValue('Dashboard Bappeda');
    expect(submit.attributes('disabled')).toBeDefined(); // no scope yet
    await wrapper.get('[data-test="scope-READ_PERFORMANCE"]').setValue(true);
    await wrapper.get('#t-expiry').setValue('30');
    expect(submit.attributes('disabled')).toBeUndefined();
    const before = count('AdminApiTokens');
    await wrapper.get('[data-test="token-form"]').trigger('submit');
    await vi.waitFor(() => expect(wrapper.find('[data-test="secret-once"]').exists()).toBe(true));

    const sent = calls.find((c) => c.operationName === 'CreateApiToken')!.variables.input as { name: string; scopes: string[]; expiresAt: string };
    expect(sent.name).toBe('Dashboard Bappeda');
    expect(sent.scopes).toEqual(['READ_PERFORMANCE']);
    expect(sent.expiresAt).toMatch(/T16:59:59\.000Z$/); // 23:59:59 WIB
    const panel = wrapper.get('[data-test="secret-once"]');
    expect(panel.get('[data-test="secret-value"]').text()).toBe(SECRET);
    expect(panel.text()).toContain('tidak akan ditampilkan lagi');
    expect(document.activeElement?.id).toBe('secret-once-title');
    // The form is emptied and the list re-read.
    expect((wrapper.get('#t-name').element as HTMLInputElement).value).toBe('');
    await vi.waitFor(() => expect(count('AdminApiTokens')).toBeGreaterThan(before));

    await panel.get('[data-test="secret-copy"]').trigger('click');
    await flushPromises();
    expect(writeText).toHaveBeenCalledWith(SECRET);
    expect(wrapper.get('[data-test="secret-copy-state"]').text()).toContain('Tersalin');

    await wrapper.get('[data-test="secret-dismiss"]').trigger('click');
    expect(wrapper.find('[data-test="secret-once"]').exists()).toBe(false);
    expect(wrapper.html()).not.toContain(SECRET);
    expect(wrapper.get('[data-test="token-list"]').text()).toContain('Dashboard Bappeda');
  });

  it('revokes only after the confirmation, and can be cancelled', async () => {
    let revoked = false;
    const { wrapper, count, calls } = await mountPage((op, v) => {
      if (op === 'AdminApiTokens') return { data: { apiTokens: [token({ revokedAt: revoked ? '2026-11-25T03:00:00.000Z' : null, active: !revoked })], office, users } };
      if (op === 'RevokeApiToken') {
        revoked = true;
        return { data: { revokeApiToken: { id: v.id, revokedAt: '2026-11-25T03:00:00.000Z', active: false } } };
      }
      return {};
    });
    await wrapper.get('[data-test="confirm-ask"]').trigger('click');
    expect(wrapper.get('[data-test="confirm-box"]').text()).toContain('Cabut token “Dashboard Bappeda”?');
    expect(document.activeElement?.getAttribute('data-test')).toBe('confirm-no');
    await wrapper.get('[data-test="confirm-no"]').trigger('click');
    expect(wrapper.find('[data-test="confirm-box"]').exists()).toBe(false);
    expect(count('RevokeApiToken')).toBe(0);

    await wrapper.get('[data-test="confirm-ask"]').trigger('click');
    await wrapper.get('[data-test="confirm-yes"]').trigger('click');
    await vi.waitFor(() => expect(wrapper.find('[data-test="revoked"]').exists()).toBe(true));
    expect(calls.find((c) => c.operationName === 'RevokeApiToken')!.variables).toEqual({ id: 't1' });
    await vi.waitFor(() => expect(wrapper.get('[data-test="token-state"]').text()).toBe('Dicabut'));
    expect(wrapper.find('[data-test="confirm-ask"]').exists()).toBe(false);
  });

  it('a refused revocation shows the error, with its code, in that token’s card', async () => {
    const { wrapper } = await mountPage((op) => {
      if (op === 'AdminApiTokens') return { data: { apiTokens: [token({ id: 'a', name: 'Satu' }), token({ id: 'b', name: 'Dua' })], office, users } };
      return { data: null, errors: [{ message: 'Data tidak ditemukan.', extensions: { code: 'NOT_FOUND' } }] };
    });
    const second = () => wrapper.findAll('[data-test="token"]')[1]!;
    await second().get('[data-test="confirm-ask"]').trigger('click');
    await second().get('[data-test="confirm-yes"]').trigger('click');
    await vi.waitFor(() => expect(second().find('[data-test="error"]').exists()).toBe(true));
    expect(second().get('[data-test="error"]').text()).toContain('Data tidak ditemukan.');
    expect(second().get('[data-test="error-code"]').text()).toBe('Kode kesalahan: NOT_FOUND');
    expect(wrapper.findAll('[data-test="error"]')).toHaveLength(1);
    expect(wrapper.find('[data-test="revoked"]').exists()).toBe(false);
  });

  it('shows an API refusal with its message, field problems and error code; no secret', async () => {
    const { wrapper } = await mountPage((op) => {
      if (op === 'AdminApiTokens') return { data: { apiTokens: [], office, users } };
      if (op === 'CreateApiToken') {
        return {
          data: null,
          errors: [{ message: 'Data tidak valid.', extensions: { code: 'VALIDATION_FAILED', fields: [{ field: 'expiresAt', message: 'Masa berlaku harus setelah sekarang dan paling lama 30 hari' }] } }],
        };
      }
      return {};
    });
    expect(wrapper.get('[data-test="empty"]').text()).toBe('Belum ada token API.');
    await wrapper.get('#t-name').setValue('Sistem Inspektorat');
    await wrapper.get('[data-test="scope-READ_REQUESTS"]').setValue(true);
    await wrapper.get('[data-test="token-form"]').trigger('submit');
    await vi.waitFor(() => expect(wrapper.find('[data-test="error"]').exists()).toBe(true));
    const alert = wrapper.get('[data-test="error"]');
    expect(alert.text()).toContain('Data tidak valid.');
    expect(alert.text()).toContain('paling lama 30 hari');
    expect(alert.get('[data-test="error-code"]').text()).toBe('Kode kesalahan: VALIDATION_FAILED');
    expect(wrapper.find('[data-test="secret-once"]').exists()).toBe(false);
    // What was typed stays, to correct it.
    expect((wrapper.get('#t-name').element as HTMLInputElement).value).toBe('Sistem Inspektorat');
  });
});
