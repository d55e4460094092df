#!/usr/bin/env node
/**
 * A minimal machine client of SIPEDAKI (docs/api.md, "Machine clients"): reads every accepted
 * indicator value of one period with a service token, page by page, and prints them as CSV.
 *
 *   SIPEDAKI_URL=http://127.0.0.1:4000 SIPEDAKI_TOKEN=spdk_… node examples/read-performance.mjs 2026 3
 *
 * The token needs the READ_PERFORMANCE scope (an administrator creates it with createApiToken).
 * Plain fetch, no dependencies; Node 18+.
 */
const url = (process.env.SIPEDAKI_URL ?? 'http://127.0.0.1:4000').replace(/\/$/, '') + '/graphql';
const token = process.env.SIPEDAKI_TOKEN;
const [year, triwulan] = process.argv.slice(2).map(Number);
if (!token?.startsWith('spdk_')) {
  console.error('Set SIPEDAKI_TOKEN to a service token (spdk_…).');
  process.exit(2);
}

const QUERY = `query($filter: PerformanceFilter, $after: String) {
  performanceData(filter: $filter, first: 100, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { period bidangCode bidangName indicatorCode indicatorName satuan target realisasi capaian categoryCode } }
  } }`;

async function gql(query, variables) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = await res.json();
  if (body.errors?.length) {
    const e = body.errors[0];
    // extensions.code is for programs (UNAUTHENTICATED, FORBIDDEN, …); message is Indonesian.
    throw new Error(`${e.extensions?.code ?? res.status}: ${e.message}`);
  }
  return body.data;
}

const filter = { ...(year ? { year } : {}), ...(triwulan ? { triwulan } : {}) };
const csv = (v) => (v === null || v === undefined ? '' : /[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));
const columns = ['period', 'bidangCode', 'bidangName', 'indicatorCode', 'indicatorName', 'satuan', 'target', 'realisasi', 'capaian', 'categoryCode'];

let after = null;
let rows = 0;
process.stdout.write(columns.join(',') + '\n');
do {
  const { performanceData: page } = await gql(QUERY, { filter, after });
  for (const { node } of page.edges) process.stdout.write(columns.map((c) => csv(node[c])).join(',') + '\n');
  rows += page.edges.length;
  after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  if (!after) console.error(`${rows} of ${page.totalCount} values read`);
} while (after);
