// The i18next instance: both languages bundled (they are small), French by default.
import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { fr } from './fr';
import { DEFAULT_LANGUAGE, showLanguage, type Language } from './language';

export const resources = { fr: { translation: fr }, en: { translation: en } };

/** A ready instance without React bindings, for pure code and unit tests. */
export async function createI18n(language: Language): Promise<i18n> {
  const instance = i18next.createInstance();
  await instance.init({
    resources,
    lng: language,
    fallbackLng: DEFAULT_LANGUAGE,
    interpolation: { escapeValue: false }, // React escapes already
    returnNull: false,
  });
  return instance;
}

export async function initAppI18n(language: Language): Promise<i18n> {
  await i18next.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: DEFAULT_LANGUAGE,
    interpolation: { escapeValue: false },
  });
  showLanguage(language);
  return i18next;
}
