import { createI18n } from 'vue-i18n';
import en from './en';
import id from './id';

export type Locale = 'id' | 'en';
export const LOCALES: Locale[] = ['id', 'en'];
export const LOCALE_KEY = 'sipedaki.locale';

export function storedLocale(): Locale {
  try {
    const v = localStorage.getItem(LOCALE_KEY);
    return v === 'en' ? 'en' : 'id';
  } catch {
    return 'id';
  }
}

export function makeI18n(locale: Locale = storedLocale()) {
  return createI18n({ legacy: false, locale, fallbackLocale: 'id', messages: { id, en } });
}
