import { describe, expect, it } from 'vitest';
import { errorCode, errorMessage } from './use-error-message';

const gql = { graphQLErrors: [{ message: 'Anda tidak berwenang melakukan tindakan ini.', extensions: { code: 'FORBIDDEN', messageEn: 'You are not allowed to do this.' } }] };

describe('use-error-message', () => {
  it('shows the server’s Indonesian message', () => {
    expect(errorMessage(gql)).toBe('Anda tidak berwenang melakukan tindakan ini.');
    expect(errorCode(gql)).toBe('FORBIDDEN');
  });

  it('uses the English message in English', () => {
    expect(errorMessage(gql, 'en')).toBe('You are not allowed to do this.');
  });

  it('gives a plain sentence for network failures, never a dump', () => {
    expect(errorMessage({ graphQLErrors: [], networkError: new Error('fetch failed: ECONNREFUSED') })).toBe('Tidak dapat terhubung ke server. Periksa jaringan Anda.');
    expect(errorMessage(new TypeError('x is undefined'))).toBe('Terjadi kesalahan. Coba lagi beberapa saat lagi.');
    expect(errorMessage(null)).toBe('');
  });

  it('reads the REST error body of the upload route', () => {
    const e = { error: { code: 'FILE_TOO_LARGE', message: 'Berkas terlalu besar.', messageEn: 'File too large.' } };
    expect(errorMessage(e)).toBe('Berkas terlalu besar.');
    expect(errorMessage(e, 'en')).toBe('File too large.');
    expect(errorCode(e)).toBe('FILE_TOO_LARGE');
  });
});
