import urql from '@urql/vue';
import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { clearSession, setSession } from '@/composables/use-auth';
import { makeI18n } from '@/i18n';
import { adminRouter, mockClient, type Responder } from '@/test/mock-client';
import AdminUsersPage from './AdminUsersPage.vue';

const TEMP = 'hxk7-m2pq-9rtw-b4nd';
const account = (p: Record<string, unknown>) => ({
  id: 'x', username: 'x', name: 'X', nip: null, jabatan: null, roles: ['PENYUSUN'], bidangId: null, active: true, deactivatedAt: null, mustChangePassword: false, lockedUntil: null, ...p,
});
const me = account({ id: 'admin-id', username: 'admin', name: 'Admin Dinas', roles: ['ADMIN'] });
const sri = account({ id: 'sri-id', username: 'operator.pemdes', name: 'Sri Wahyuni', roles: ['BIDANG_OPERATOR'], bidangId: 'b1' });
const budi = account({ id: 'budi-id', username: 'budi', name: 'Budi Santoso', active: false, deactivatedAt: '2026-11-20T02:00:00.000Z' });
const bidangList = [{ id: 'b1', name: 'Bidang Pemberdayaan Desa', code: 'PEMDES' }];

async function mountPage(respond: Responder) {
  const mock = mockClient(respond);
  const router = adminRouter();
  await router.push('/admin-users');
  const wrapper = mount(AdminUsersPage, { global: { plugins: [makeI18n('id'), router, [urql, mock.client]] }, attachTo: document.body });
  await vi.waitFor(() => expect(wrapper.find('[data-test="user-list"]').exists()).toBe(true));
  return { wrapper, ...mock };
}
const card = (w: Awaited<ReturnType<typeof mountPage>>['wrapper'], username: string) => w.get(`[data-test="user"][data-username="${username}"]`);

beforeEach(() => {
  setSession('t', { mustChangePassword: false, roles: ['ADMIN'], bidangIds: [], user: { id: 'admin-id', name: 'Admin Dinas', username: 'admin', nip: null, jabatan: null }, office: { id: 'o1', name: 'DPMD', regency: 'Nganjuk', utcOffsetMinutes: 420 } });
});
afterEach(() => {
  clearSession();
  document.body.innerHTML = '';
  vi.restoreAllMocks();
});

describe('AdminUsersPage', () => {
  it('offers reset and deactivation for others, never for one’s own account; reactivation for inactive ones', async () => {
    const { wrapper } = await mountPage((op) => (op === 'AdminUsers' ? { data: { users: [me, sri, budi], bidangList } } : {}));
    const has = (u: string, test: string) => card(wrapper, u).find(`[data-test="${test}"]`).exists();
    expect([has('admin', 'user-reset'), has('admin', 'user-deactivate'), has('admin', 'user-edit-open')]).toEqual([false, false, true]);
    expect(card(wrapper, 'admin').text()).toContain('Akun Anda');
    expect([has('operator.pemdes', 'user-reset'), has('operator.pemdes', 'user-deactivate'), has('operator.pemdes', 'user-reactivate')]).toEqual([true, true, false]);
    expect([has('budi', 'user-reset'), has('budi', 'user-deactivate'), has('budi', 'user-reactivate')]).toEqual([false, false, true]);
    expect(card(wrapper, 'budi').get('[data-test="user-inactive"]').text()).toBe('Nonaktif');
    expect(card(wrapper, 'budi').text()).toContain('Dinonaktifkan 20 November 2026');
  });

  it('resets a password after asking, shows the temporary password once, and forgets it when dismissed', async () => {
    let reset = false;
    const { wrapper, calls } = await mountPage((op) => {
      if (op === 'AdminUsers') return { data: { users: [me, reset ? { ...sri, mustChangePassword: true } : sri], bidangList } };
      if (op === 'ResetUserPassword') {
        reset = true;
        return { data: { resetUserPassword: { temporaryPassword: TEMP, user: { ...sri, mustChangePassword: true } } } };
      }
      return {};
    });
    const c = card(wrapper, 'operator.pemdes');
    await c.get('[data-test="user-reset"] [data-test="confirm-ask"]').trigger('click');
    expect(c.get('[data-test="confirm-box"]').text()).toContain('Atur ulang kata sandi Sri Wahyuni?');
    expect(calls.filter((x) => x.operationName === 'ResetUserPassword')).toHaveLength(0);
    await c.get('[data-test="confirm-yes"]').trigger('click');
    await flushPromises();
    const panel = wrapper.get('[data-test="secret-once"]');
    expect(panel.get('[data-test="secret-value"]').text()).toBe(TEMP);
    expect(panel.text()).toContain('Kata sandi sementara untuk Sri Wahyuni');
    expect(panel.text()).toContain('wajib membuat kata sandi baru');
    expect(calls.find((x) => x.operationName === 'ResetUserPassword')!.variables).toEqual({ id: 'sri-id' });
    await vi.waitFor(() => expect(card(wrapper, 'operator.pemdes').find('[data-test="user-must-change"]').exists()).toBe(true));
    await panel.get('[data-test="secret-dismiss"]').trigger('click');
    await flushPromises();
    expect(wrapper.find('[data-test="secret-once"]').exists()).toBe(false);
    expect(wrapper.html()).not.toContain(TEMP);
  });

  it('deactivates after asking and says so; an error stays in the card that was tapped', async () => {
    let fail = true;
    const { wrapper, count } = await mountPage((op) => {
      if (op === 'AdminUsers') return { data: { users: [me, sri], bidangList } };
      if (op === 'DeactivateUser') {
        if (fail) return { errors: [{ message: 'Perubahan ditolak: Dinas ini harus tetap memiliki minimal satu administrator aktif.', extensions: { code: 'LAST_ADMIN' } }] };
        return { data: { deactivateUser: { ...sri, active: false } } };
      }
      return {};
    });
    const c = card(wrapper, 'operator.pemdes');
    await c.get('[data-test="user-deactivate"] [data-test="confirm-ask"]').trigger('click');
    expect(c.get('[data-test="confirm-box"]').text()).toContain('tidak dapat masuk lagi');
    await c.get('[data-test="confirm-yes"]').trigger('click');
    await flushPromises();
    expect(c.get('[data-test="error"]').text()).toContain('LAST_ADMIN');
    fail = false;
    await c.get('[data-test="user-deactivate"] [data-test="confirm-ask"]').trigger('click');
    await c.get('[data-test="confirm-yes"]').trigger('click');
    await flushPromises();
    expect(count('DeactivateUser')).toBe(2);
    expect(wrapper.get('[data-test="notice"]').text()).toBe('Sri Wahyuni telah dinonaktifkan.');
  });

  it('edits in place: sends only what the form holds, clearing NIP and jabatan when emptied', async () => {
    const { wrapper, calls } = await mountPage((op) => {
      if (op === 'AdminUsers') return { data: { users: [me, { ...sri, jabatan: 'Operator', nip: '198001012005011003' }], bidangList } };
      if (op === 'UpdateUser') return { data: { updateUser: { ...sri, name: 'Sri W.' } } };
      return {};
    });
    const c = card(wrapper, 'operator.pemdes');
    await c.get('[data-test="user-edit-open"]').trigger('click');
    const form = c.get('[data-test="user-edit"]');
    await form.get('input[id^="e-name-"]').setValue('Sri W.');
    await form.get('input[id^="e-nip-"]').setValue('');
    await form.get('input[id^="e-jabatan-"]').setValue('');
    await form.trigger('submit');
    await flushPromises();
    expect(calls.find((x) => x.operationName === 'UpdateUser')!.variables).toEqual({
      input: { id: 'sri-id', name: 'Sri W.', nip: null, jabatan: null, roles: ['BIDANG_OPERATOR'], bidangId: 'b1' },
    });
    expect(wrapper.get('[data-test="notice"]').text()).toBe('Perubahan data Sri W. tersimpan.');
  });
});
