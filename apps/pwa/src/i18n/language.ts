// Which language the app speaks: French unless the person picked another, remembered in
// localStorage, and mirrored on <html lang> so screen readers pronounce it right.
export const LANGUAGES = ['fr', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'fr';

const STORAGE_KEY = 'fs.language';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

export function storedLanguage(): Language {
  const value = typeof localStorage === 'undefined' ? null : localStorage.getItem(STORAGE_KEY);
  return isLanguage(value) ? value : DEFAULT_LANGUAGE;
}

export function rememberLanguage(language: Language): void {
  localStorage.setItem(STORAGE_KEY, language);
  showLanguage(language);
}

/** <html lang>, and the manifest in that language (web-manifest.ts), for an install from now on. */
export function showLanguage(language: Language): void {
  document.documentElement.lang = language;
  const manifest = document.querySelector<HTMLLinkElement>('link[rel="manifest"]');
  if (manifest) manifest.href = language === DEFAULT_LANGUAGE ? '/manifest.webmanifest' : `/manifest.${language}.webmanifest`;
}

/** BCP 47 locale used for dates and numbers in each language. */
export function localeOf(language: string): string {
  return language === 'en' ? 'en-GB' : 'fr-FR';
}
