/**
 * GraphQL over HTTP conformance: the graphql-http package's server audits against the real
 * endpoint, run twice — as any client would (our CSRF prevention refuses GETs and non-JSON POSTs
 * that lack a preflight header, which some audits send), and with the `apollo-require-preflight`
 * header that docs/api.md asks clients to send. The figures are printed; the assertions pin the
 * MUST-level audits that pass today so conformance cannot silently regress.
 */
import { auditServer } from 'graphql-http';
import { startTestApp, type TestApp } from './harness';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

async function audit(headers: Record<string, string>) {
  const fetchFn = (input: RequestInfo | URL, init: RequestInit = {}) =>
    fetch(input, { ...init, headers: { ...Object.fromEntries(new Headers(init.headers).entries()), ...headers } });
  const results = await auditServer({ url: `${t.url}/graphql`, fetchFn });
  const count = (s: string) => results.filter((r) => r.status === s).length;
  const failures = results.filter((r) => r.status !== 'ok').map((r) => `${r.status} ${r.id} ${r.name}`);
  return { total: results.length, ok: count('ok'), notice: count('notice'), warn: count('warn'), error: count('error'), failures, results };
}

it('passes the graphql-http server audits it is expected to pass', async () => {
  const plain = await audit({});
  const preflight = await audit({ 'apollo-require-preflight': '1' });
  for (const [label, r] of [['plain client', plain], ['with apollo-require-preflight', preflight]] as const) {
    process.stdout.write(`[graphql-http] ${label}: ${r.ok}/${r.total} ok, ${r.error} MUST failed, ${r.warn} SHOULD failed, ${r.notice} notices\n`);
    for (const f of r.failures) process.stdout.write(`  ${f}\n`);
  }
  // No MUST-level failure either way. Measured on 2026-11-25: 58/61 with the header, 55/61 without.
  // The 3 SHOULD failures: Apollo answers 400 (not 200) to an application/json client whose
  // document does not parse or validate; the 3 notices are GET forms that CSRF prevention refuses.
  expect(preflight.error).toBe(0);
  expect(plain.error).toBe(0);
  expect(preflight.ok).toBeGreaterThanOrEqual(58);
  expect(plain.ok).toBeGreaterThanOrEqual(55);
});
