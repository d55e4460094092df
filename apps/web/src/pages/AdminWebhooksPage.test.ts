import urql from '@urql/vue';
import { mount } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeI18n } from '@/i18n';
import { adminRouter, mockClient, type Responder } from '@/test/mock-client';
import AdminWebhooksPage from './AdminWebhooksPage.vue';

const SECRET = 'whsec_dGVzdC1zZWNyZXQtZm9yLXRoZS13ZWJob29rLXBhZ2UtdGVzdA';
const office = { id: 'o1', name: 'Dinas PMD Kabupaten Nganjuk', utcOffsetMinutes: 420 };
const delivery = (p: Record<string, unknown>) => ({
  id: `d${Math.random()}`, eventId: 'evt-1111-2222', event: 'report.final', attempt: 1, status: 'PENDING', responseStatus: null, error: null,
  createdAt: '2026-11-25T03:00:00.000Z', nextAttemptAt: '2026-11-25T03:00:00.000Z', deliveredAt: null, ...p,
});
const endpoint = (p: Record<string, unknown>) => ({ id: 'w1', url: 'https://bappeda.example.go.id/sipedaki/hook', active: true, createdAt: '2026-11-20T02:00:00.000Z', removedAt: null, recentDeliveries: [], ...p });

async function mountPage(respond: Responder) {
  const mock = mockClient(respond);
  const router = adminRouter();
  await router.push('/admin-webhooks');
  const wrapper = mount(AdminWebhooksPage, { global: { plugins: [makeI18n('id'), router, [urql, mock.client]] }, attachTo: document.body });
  await vi.waitFor(() => expect(wrapper.find('[data-test="endpoint-list"], [data-test="empty"]').exists()).toBe(true));
  return { wrapper, ...mock };
}

afterEach(() => {
  document.body.innerHTML = '';
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('AdminWebhooksPage', () => {
  it('shows each receiver with its attempts: status, HTTP code, attempt number, next retry and error', async () => {
    const deliveries = [
      delivery({ attempt: 2, status: 'PENDING', createdAt: '2026-11-25T03:00:05.000Z', nextAttemptAt: '2026-11-25T03:00:35.000Z' }),
      delivery({ attempt: 1, status: 'FAILED', responseStatus: 503, error: 'HTTP 503', createdAt: '2026-11-25T03:00:00.000Z', nextAttemptAt: '2026-11-25T03:00:21.000Z' }),
    ];
    const removed = endpoint({ id: 'w0', url: 'https://lama.example.go.id/hook', active: false, removedAt: '2026-11-21T02:00:00.000Z' });
    const { wrapper } = await mountPage((op) => (op === 'AdminWebhooks' ? { data: { webhookEndpoints: [removed, endpoint({ recentDeliveries: deliveries })], office } } : {}));
    const cards = wrapper.findAll('[data-test="endpoint"]');
    // Active receivers first.
    expect(cards.map((c) => c.get('[data-test="endpoint-state"]').text())).toEqual(['Aktif', 'Dihapus']);
    expect(cards[0]!.get('[data-test="delivery-outcome"]').text()).toBe('Akan dicoba lagi');
    const attempts = cards[0]!.findAll('[data-test="attempt"]');
    expect(attempts.map((a) => a.get('strong').text())).toEqual(['Percobaan ke-2', 'Percobaan ke-1']);
    expect(attempts[1]!.get('[data-test="attempt-status"]').text()).toBe('Gagal');
    expect(attempts[1]!.get('[data-test="attempt-http"]').text()).toBe('HTTP 503');
    // The HTTP code is said once; the "HTTP 503" error text would only repeat it.
    expect(attempts[1]!.find('[data-test="attempt-error"]').exists()).toBe(false);
    expect(attempts[1]!.get('[data-test="attempt-retry"]').text()).toBe('Percobaan berikutnya: 25 November 2026 10.00 WIB');
    expect(attempts[0]!.get('[data-test="attempt-status"]').text()).toBe('Menunggu');
    expect(attempts[0]!.text()).toContain('Dijadwalkan 25 November 2026 10.00 WIB');
    expect(attempts[0]!.find('[data-test="attempt-retry"]').exists()).toBe(false);
    expect(cards[0]!.text()).toContain('report.final');
    expect(cards[1]!.find('[data-test="no-deliveries"]').exists()).toBe(true);
    expect(cards[1]!.find('[data-test="confirm-ask"]').exists()).toBe(false);
    expect(cards[1]!.text()).toContain('Dihapus pada');
  });

  it('shows a failure without HTTP answer with its error, and when the attempts ran out', async () => {
    const deliveries = [delivery({ attempt: 6, status: 'FAILED', error: 'TimeoutError: The operation was aborted due to timeout', createdAt: '2026-11-25T05:00:00.000Z' })];
    const { wrapper } = await mountPage((op) => (op === 'AdminWebhooks' ? { data: { webhookEndpoints: [endpoint({ recentDeliveries: deliveries })], office } } : {}));
    const attempt = wrapper.get('[data-test="attempt"]');
    expect(wrapper.get('[data-test="delivery-outcome"]').text()).toBe('Gagal, tidak dicoba lagi');
    expect(attempt.get('[data-test="attempt-http"]').text()).toBe('Tanpa jawaban HTTP');
    expect(attempt.get('[data-test="attempt-error"]').text()).toBe('TimeoutError: The operation was aborted due to timeout');
    expect(attempt.text()).toContain('Batas jumlah percobaan tercapai.');
    expect(wrapper.find('[data-test="auto-refresh"]').exists()).toBe(false);
  });

  it('re-reads the list by itself while an attempt is pending, and stops when none is', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    let status = 'PENDING';
    const { wrapper, count } = await mountPage((op) => (op === 'AdminWebhooks' ? { data: { webhookEndpoints: [endpoint({ recentDeliveries: [delivery({ status })] })], office } } : {}));
    expect(wrapper.find('[data-test="auto-refresh"]').exists()).toBe(true);
    const first = count('AdminWebhooks');
    status = 'DELIVERED';
    vi.advanceTimersByTime(5000);
    await vi.waitFor(() => expect(wrapper.get('[data-test="delivery-outcome"]').text()).toBe('Terkirim'));
    expect(count('AdminWebhooks')).toBe(first + 1);
    expect(wrapper.find('[data-test="auto-refresh"]').exists()).toBe(false);
    vi.advanceTimersByTime(20_000);
    await new Promise((r) => setTimeout(r, 20));
    expect(count('AdminWebhooks')).toBe(first + 1);
  });

  it('shows the signing key once after registering; removing asks first', async () => {
    let registered = false;
    let removed = false;
    const { wrapper, calls, count } = await mountPage((op, v) => {
      if (op === 'AdminWebhooks') return { data: { webhookEndpoints: registered ? [endpoint({ active: !removed, removedAt: removed ? '2026-11-25T04:00:00.000Z' : null })] : [], office } };
      if (op === 'RegisterWebhookEndpoint') {
        registered = true;
        return { data: { registerWebhookEndpoint: { secret: SECRET, endpoint: { id: 'w1', url: (v.input as { url: string }).url } } } };
      }
      if (op === 'RemoveWebhookEndpoint') {
        removed = true;
        return { data: { removeWebhookEndpoint: { id: v.id, active: false, removedAt: '2026-11-25T04:00:00.000Z' } } };
      }
      return {};
    });
    expect(wrapper.get('[data-test="empty"]').text()).toBe('Belum ada penerima webhook.');
    const submit = wrapper.get('[data-test="webhook-register"]');
    await wrapper.get('#w-url').setValue('bukan alamat');
    expect(submit.attributes('disabled')).toBeDefined();
    await wrapper.get('#w-url').setValue(' https://bappeda.example.go.id/sipedaki/hook ');
    await wrapper.get('[data-test="webhook-form"]').trigger('submit');
    await vi.waitFor(() => expect(wrapper.find('[data-test="secret-once"]').exists()).toBe(true));
    expect(calls.find((c) => c.operationName === 'RegisterWebhookEndpoint')!.variables).toEqual({ input: { url: 'https://bappeda.example.go.id/sipedaki/hook' } });
    expect(wrapper.get('[data-test="secret-value"]').text()).toBe(SECRET);
    await vi.waitFor(() => expect(wrapper.findAll('[data-test="endpoint"]').length).toBe(1));
    await wrapper.get('[data-test="secret-dismiss"]').trigger('click');
    expect(wrapper.html()).not.toContain(SECRET);

    await wrapper.get('[data-test="confirm-ask"]').trigger('click');
    expect(count('RemoveWebhookEndpoint')).toBe(0);
    expect(wrapper.get('[data-test="confirm-box"]').text()).toContain('https://bappeda.example.go.id/sipedaki/hook');
    await wrapper.get('[data-test="confirm-yes"]').trigger('click');
    await vi.waitFor(() => expect(wrapper.get('[data-test="endpoint-state"]').text()).toBe('Dihapus'));
    expect(calls.find((c) => c.operationName === 'RemoveWebhookEndpoint')!.variables).toEqual({ id: 'w1' });
  });

  it('shows a refused URL with the server message and the error code', async () => {
    const { wrapper } = await mountPage((op) => {
      if (op === 'AdminWebhooks') return { data: { webhookEndpoints: [], office } };
      return { data: null, errors: [{ message: 'Data tidak valid.', extensions: { code: 'VALIDATION_FAILED', fields: [{ field: 'url', message: 'Alamat URL harus https:// tanpa nama pengguna/sandi' }] } }] };
    });
    await wrapper.get('#w-url').setValue('http://tidak-aman.example/hook');
    await wrapper.get('[data-test="webhook-form"]').trigger('submit');
    await vi.waitFor(() => expect(wrapper.find('[data-test="error-code"]').exists()).toBe(true));
    expect(wrapper.get('[data-test="error"]').text()).toContain('Alamat URL harus https://');
    expect(wrapper.get('[data-test="error-code"]').text()).toBe('Kode kesalahan: VALIDATION_FAILED');
    expect(wrapper.find('[data-test="secret-once"]').exists()).toBe(false);
  });
});
