import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { makeI18n } from '@/i18n';
import ErrorAlert from './ErrorAlert.vue';

const error = {
  graphQLErrors: [
    {
      message: 'Isian tidak valid. Periksa kembali data yang dimasukkan.',
      extensions: {
        code: 'VALIDATION_FAILED',
        messageEn: 'Invalid input.',
        fields: [{ field: 'sender', message: 'Pengirim surat wajib diisi (maksimal 200 karakter)', messageEn: 'The sender is required (at most 200 characters)' }],
      },
    },
  ],
};

describe('ErrorAlert', () => {
  it.each<['id' | 'en', string, string]>([
    ['id', 'Isian tidak valid. Periksa kembali data yang dimasukkan.', 'Pengirim surat wajib diisi (maksimal 200 karakter)'],
    ['en', 'Invalid input.', 'The sender is required (at most 200 characters)'],
  ])('in %s shows the message and each field problem in that language', (locale, message, field) => {
    const w = mount(ErrorAlert, { props: { error }, global: { plugins: [makeI18n(locale)] } });
    expect(w.find('p').text()).toBe(message);
    expect(w.findAll('li').map((li) => li.text())).toEqual([field]);
    expect(w.find('[data-test="error-code"]').text()).toContain('VALIDATION_FAILED');
    // The code is for the help desk: folded (a closed <details>), after the message, never in it.
    const details = w.get('details.error-code');
    expect(details.attributes('open')).toBeUndefined();
    expect(details.find('[data-test="error-code"]').exists()).toBe(true);
    expect(w.find('p').text()).not.toContain('VALIDATION_FAILED');
  });
});
