import urql from '@urql/vue';
import { mount } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeI18n } from '@/i18n';
import { adminRouter, mockClient, type Responder } from '@/test/mock-client';
import AdminLetterheadPage from './AdminLetterheadPage.vue';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const office = (letterhead: Record<string, unknown>) => ({
  id: 'o1', name: 'Dinas Pemberdayaan Masyarakat dan Desa', regency: 'Kabupaten Nganjuk',
  letterhead: { government: 'Pemerintah Kabupaten Nganjuk', agency: 'Dinas Pemberdayaan Masyarakat dan Desa', address: null, phone: null, email: null, website: null, city: 'Nganjuk', configured: false, logo: null, ...letterhead },
});

async function mountPage(respond: Responder) {
  const mock = mockClient(respond);
  const router = adminRouter();
  await router.push('/admin-letterhead');
  const wrapper = mount(AdminLetterheadPage, { global: { plugins: [makeI18n('id'), router, [urql, mock.client]] }, attachTo: document.body });
  await vi.waitFor(() => expect(wrapper.find('[data-test="kop-preview"]').exists()).toBe(true));
  return { wrapper, ...mock };
}

async function choose(wrapper: Awaited<ReturnType<typeof mountPage>>['wrapper'], file: File) {
  const input = wrapper.get<HTMLInputElement>('#k-logo');
  Object.defineProperty(input.element, 'files', { value: [file], configurable: true });
  await input.trigger('change');
  await vi.waitFor(() => expect(wrapper.text()).toMatch(/Logo baru|PNG atau JPEG\./));
}

afterEach(() => {
  document.body.innerHTML = '';
  vi.restoreAllMocks();
});

describe('AdminLetterheadPage', () => {
  it('a kop not yet set: says so, and previews the default in capitals as it prints', async () => {
    const { wrapper } = await mountPage((op) => (op === 'AdminLetterhead' ? { data: { office: office({}) } } : {}));
    expect(wrapper.find('[data-test="kop-default"]').exists()).toBe(true);
    const preview = wrapper.get('[data-test="kop-preview"]');
    expect(preview.get('.kop-gov').text()).toBe('PEMERINTAH KABUPATEN NGANJUK');
    expect(preview.get('.kop-agency').text()).toBe('DINAS PEMBERDAYAAN MASYARAKAT DAN DESA');
    expect(preview.find('img').exists()).toBe(false);
    // The preview follows the form as it is typed.
    await wrapper.get('#k-phone').setValue('(0358) 321417');
    await wrapper.get('#k-email').setValue('dpmd@nganjukkab.go.id');
    expect(preview.findAll('.kop-line').map((l) => l.text())).toEqual(['Telepon (0358) 321417 · Pos-el dpmd@nganjukkab.go.id']);
  });

  it('a GIF is refused before any upload and Save waits; a PNG is sent as base64 with the texts, empty ones as null', async () => {
    const { wrapper, calls } = await mountPage((op, v) =>
      op === 'AdminLetterhead'
        ? { data: { office: office({}) } }
        : op === 'SetLetterhead'
          ? { data: { setLetterhead: office({ ...(v.input as object), configured: true, logo: { documentId: 'd1', mimeType: 'image/png', size: 8, sha256: 'ab', dataUrl: 'data:image/png;base64,iVBORw0KGgo=' } }) } }
          : {},
    );
    await choose(wrapper, new File(['GIF89a'], 'logo.gif', { type: 'image/gif' }));
    expect(wrapper.text()).toContain('Logo harus berupa gambar PNG atau JPEG.');
    expect(wrapper.get('button[type="submit"]').attributes('disabled')).toBeDefined();
    await choose(wrapper, new File([PNG], 'logo.png', { type: 'image/png' }));
    expect(wrapper.text()).toContain('Logo baru: logo.png');
    expect(wrapper.get('[data-test="kop-preview"] img').attributes('src')).toBe('data:image/png;base64,iVBORw0KGgo=');
    await wrapper.get('#k-address').setValue('  Jalan Dermojoyo Nomor 17, Nganjuk  ');
    await wrapper.get('form').trigger('submit');
    await vi.waitFor(() => expect(wrapper.text()).toContain('Kop surat tersimpan.'));
    expect(calls.find((c) => c.operationName === 'SetLetterhead')!.variables).toEqual({
      input: {
        government: 'Pemerintah Kabupaten Nganjuk', agency: 'Dinas Pemberdayaan Masyarakat dan Desa', address: 'Jalan Dermojoyo Nomor 17, Nganjuk',
        phone: null, email: null, website: null, city: 'Nganjuk', logo: { contentBase64: 'iVBORw0KGgo=' }, removeLogo: false,
      },
    });
  });

  it('removing the logo: asked by a checkbox, sent as removeLogo; a refusal shows the server’s field message', async () => {
    const { wrapper, calls } = await mountPage((op) =>
      op === 'AdminLetterhead'
        ? { data: { office: office({ configured: true, logo: { documentId: 'd1', mimeType: 'image/png', size: 8, sha256: 'ab', dataUrl: 'data:image/png;base64,iVBORw0KGgo=' } }) } }
        : { errors: [{ message: 'Isian tidak valid. Periksa kembali data yang dimasukkan.', extensions: { code: 'VALIDATION_FAILED', fields: [{ field: 'email', message: 'Alamat pos-el tidak valid', messageEn: 'Invalid e-mail address' }] } }] },
    );
    expect(wrapper.find('[data-test="kop-default"]').exists()).toBe(false);
    expect(wrapper.find('[data-test="kop-preview"] img').exists()).toBe(true);
    await wrapper.get('.kop-check input').setValue(true);
    expect(wrapper.find('[data-test="kop-preview"] img').exists()).toBe(false);
    await wrapper.get('#k-email').setValue('bukan-surel');
    await wrapper.get('form').trigger('submit');
    await vi.waitFor(() => expect(wrapper.find('[data-test="error"]').text()).toContain('Alamat pos-el tidak valid'));
    expect(calls.find((c) => c.operationName === 'SetLetterhead')!.variables).toMatchObject({ input: { removeLogo: true, logo: null, email: 'bukan-surel' } });
  });
});
