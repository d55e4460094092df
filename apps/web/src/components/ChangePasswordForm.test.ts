import urql from '@urql/vue';
import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clearSession, setSession } from '@/composables/use-auth';
import { makeI18n } from '@/i18n';
import { mockClient, type Responder } from '@/test/mock-client';
import ChangePasswordForm from './ChangePasswordForm.vue';

const GOOD = 'Sawah-Hijau-di-Berbek-2026';

function mountForm(respond: Responder, temporary = false) {
  const mock = mockClient(respond);
  const wrapper = mount(ChangePasswordForm, { props: { temporary }, global: { plugins: [makeI18n('id'), [urql, mock.client]] }, attachTo: document.body });
  return { wrapper, ...mock };
}

beforeEach(() => {
  setSession('t', { mustChangePassword: true, roles: ['PENYUSUN'], bidangIds: [], user: { id: 'u1', name: 'Dewi', username: 'dewi.lestari', nip: '199107072019032012', jabatan: null }, office: { id: 'o1', name: 'DPMD', regency: 'Nganjuk', utcOffsetMinutes: 420 } });
});
afterEach(() => {
  clearSession();
  document.body.innerHTML = '';
});

describe('ChangePasswordForm', () => {
  it('names what is wrong while typing (user name, sequence) and waits for matching passwords', async () => {
    const { wrapper, count } = mountForm(() => ({}), true);
    expect(wrapper.get('label[for="pw-current"]').text()).toBe('Kata sandi sementara dari administrator');
    await wrapper.get('#pw-current').setValue('hxk7-m2pq-9rtw-b4nd');
    await wrapper.get('#pw-new').setValue('dewi.lestari-2026');
    expect(wrapper.get('[data-test="password-problems"]').text()).toContain('nama pengguna');
    await wrapper.get('#pw-new').setValue('0987654321');
    expect(wrapper.get('[data-test="password-problems"]').text()).toContain('urutan');
    await wrapper.get('#pw-new').setValue(GOOD);
    expect(wrapper.get('[data-test="password-problems"]').text()).toBe('');
    await wrapper.get('#pw-repeat').setValue(`${GOOD}x`);
    expect(wrapper.text()).toContain('Kedua isian kata sandi baru belum sama.');
    expect(wrapper.get('[data-test="password-submit"]').attributes('disabled')).toBeDefined();
    await wrapper.get('form').trigger('submit');
    expect(count('ChangePassword')).toBe(0);
  });

  it('shows the server’s reasons (the list of common passwords is the server’s), then reports the change', async () => {
    let attempt = 0;
    const { wrapper, calls } = mountForm((op) => {
      if (op !== 'ChangePassword') return {};
      attempt++;
      if (attempt === 1) {
        return { errors: [{ message: 'Kata sandi belum memenuhi kebijakan kata sandi.', extensions: { code: 'VALIDATION_FAILED', fields: [{ field: 'newPassword', message: 'Kata sandi ini terlalu umum dan mudah ditebak.' }] } }] };
      }
      return { data: { changePassword: { revokedSessions: 2 } } };
    });
    await wrapper.get('#pw-current').setValue('lama-sekali-123');
    await wrapper.get('#pw-new').setValue('indonesia123');
    await wrapper.get('#pw-repeat').setValue('indonesia123');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(wrapper.get('[data-test="error"]').text()).toContain('terlalu umum');
    await wrapper.get('#pw-new').setValue(GOOD);
    await wrapper.get('#pw-repeat').setValue(GOOD);
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(calls.at(-1)!.variables).toEqual({ input: { currentPassword: 'lama-sekali-123', newPassword: GOOD } });
    expect(wrapper.emitted('changed')).toEqual([[2]]);
    expect((wrapper.get('#pw-new').element as HTMLInputElement).value).toBe('');
  });
});
