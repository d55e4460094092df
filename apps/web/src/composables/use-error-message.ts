import { useI18n } from 'vue-i18n';

interface GqlLikeError {
  message?: string;
  extensions?: { code?: unknown; messageEn?: unknown } | Record<string, unknown>;
}
interface ErrorLike {
  graphQLErrors?: GqlLikeError[];
  networkError?: unknown;
  /** The REST routes (uploads) answer {error:{code,message,messageEn}}. */
  error?: { code?: string; message?: string; messageEn?: string };
}

const GENERIC = { id: 'Terjadi kesalahan. Coba lagi beberapa saat lagi.', en: 'Something went wrong. Please try again shortly.' };
const NETWORK = { id: 'Tidak dapat terhubung ke server. Periksa jaringan Anda.', en: 'Cannot reach the server. Check your connection.' };

/** The error code of the first GraphQL error, if any. */
export function errorCode(err: unknown): string | undefined {
  const e = err as ErrorLike | null | undefined;
  const code = e?.graphQLErrors?.[0]?.extensions?.code ?? e?.error?.code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * What a person should read: the server's Indonesian message (or its English one), never a raw
 * dump; a generic sentence when the server said nothing usable.
 */
export function errorMessage(err: unknown, locale: string = 'id'): string {
  if (!err) return '';
  const lang = locale === 'en' ? 'en' : 'id';
  const e = err as ErrorLike;
  const first = e.graphQLErrors?.[0];
  if (first) {
    const en = first.extensions?.messageEn;
    if (lang === 'en' && typeof en === 'string' && en) return en;
    if (typeof first.message === 'string' && first.message) return first.message;
    return GENERIC[lang];
  }
  if (e.error && (e.error.message || e.error.messageEn)) {
    return (lang === 'en' ? e.error.messageEn : undefined) ?? e.error.message ?? GENERIC[lang];
  }
  if (e.networkError) return NETWORK[lang];
  return GENERIC[lang];
}

export function useErrorMessage() {
  const { locale } = useI18n();
  return (err: unknown) => errorMessage(err, locale.value);
}
