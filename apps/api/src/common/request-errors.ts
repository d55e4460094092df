/**
 * Words for a request the GraphQL layer refused before running it (it does not parse, does not
 * fit the schema, exceeds an operation limit, trips the CSRF check …). Those errors come from
 * graphql-js, Apollo and graphql-armor in English. The client gets an Indonesian sentence of its
 * own in `message` and the English detail, cleaned, in `messageEn`: never English glued after an
 * Indonesian prefix, and never "Syntax Error" for what is not one.
 */
import type { Bilingual } from './errors';

const LIMITS: [RegExp, (limit: string, found: string | undefined) => string][] = [
  [/Query depth limit of (\d+) exceeded, found (\d+)/, (n, f) => `Kueri terlalu dalam: kedalamannya ${f}, batasnya ${n}.`],
  [/Aliases limit of (\d+) exceeded, found (\d+)/, (n, f) => `Kueri memakai terlalu banyak alias: ${f}, batasnya ${n}.`],
  [/Token limit of (\d+) exceeded/, (n) => `Kueri terlalu panjang: lebih dari ${n} token.`],
  [/Directives limit of (\d+) exceeded, found (\d+)/, (n, f) => `Kueri memakai terlalu banyak direktif: ${f}, batasnya ${n}.`],
];

/**
 * `code` is the framework's code (GRAPHQL_PARSE_FAILED, GRAPHQL_VALIDATION_FAILED,
 * BAD_USER_INPUT, BAD_REQUEST …), `detail` its English message.
 */
export function describeRefusedRequest(code: string, detail: string): Bilingual {
  for (const [pattern, words] of LIMITS) {
    const [, limit, found] = pattern.exec(detail) ?? [];
    // graphql-armor prefixes its limit refusals with "Syntax Error: " although the syntax is fine.
    if (limit !== undefined) return { id: words(limit, found), en: detail.replace(/^Syntax Error: /, '') };
  }
  const en = detail;
  if (/Cross-Site Request Forgery/.test(detail)) {
    return {
      id: 'Permintaan ditolak sebagai kemungkinan CSRF: kirim POST dengan Content-Type application/json, atau sertakan header apollo-require-preflight.',
      en,
    };
  }
  if (/introspection is not allowed/i.test(detail)) return { id: 'Introspeksi skema tidak diizinkan di server ini.', en };
  if (/batching/i.test(detail)) return { id: 'Permintaan berkelompok (array JSON) tidak diizinkan: kirim satu operasi per permintaan.', en };
  if (code === 'GRAPHQL_PARSE_FAILED') return { id: 'Kueri GraphQL tidak dapat diurai (kesalahan sintaks); rinciannya dalam bahasa Inggris di extensions.messageEn.', en };
  if (code === 'GRAPHQL_VALIDATION_FAILED') return { id: 'Kueri GraphQL tidak sesuai dengan skema; rinciannya dalam bahasa Inggris di extensions.messageEn.', en };
  if (code === 'BAD_USER_INPUT') return { id: 'Variabel kueri tidak sesuai dengan tipenya; rinciannya dalam bahasa Inggris di extensions.messageEn.', en };
  if (code === 'OPERATION_RESOLUTION_FAILURE') return { id: 'Operasi yang dimaksud tidak dapat ditentukan: sebutkan operationName yang ada di dokumen.', en };
  if (code === 'PERSISTED_QUERY_NOT_FOUND') return { id: 'Persisted query tidak dikenal: kirim teks kuerinya.', en };
  return { id: 'Permintaan tidak dapat diproses; rinciannya dalam bahasa Inggris di extensions.messageEn.', en };
}
