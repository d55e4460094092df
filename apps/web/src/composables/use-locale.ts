import { computed } from 'vue';
import { useI18n } from 'vue-i18n';
import { LOCALE_KEY, type Locale } from '@/i18n';

/** The interface language, persisted in localStorage and mirrored on <html lang>. */
export function useLocale() {
  const { locale } = useI18n();
  const current = computed(() => locale.value as Locale);
  function setLocale(next: Locale) {
    locale.value = next;
    try {
      localStorage.setItem(LOCALE_KEY, next);
    } catch {
      /* private mode: the choice lasts for this visit */
    }
    document.documentElement.lang = next;
  }
  return { locale: current, setLocale };
}
