// The web app manifest, in each of the app's languages. Browsers read the manifest the page
// links when the app is installed, so the page links the one of the person's language
// (src/i18n/language.ts swaps the link); the French one is the default.
import type { Plugin } from 'vite';
import type { ManifestOptions } from 'vite-plugin-pwa';

export const MANIFEST: Partial<ManifestOptions> = {
  name: 'Field Service',
  short_name: 'Field Service',
  description: 'Planning des interventions pour les techniciens et les répartiteurs',
  lang: 'fr',
  start_url: '/',
  scope: '/',
  display: 'standalone',
  background_color: '#f5f7fa',
  theme_color: '#1d4ed8',
  icons: [
    { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
    { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
    { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
  ],
};

/** What differs in the other languages; each becomes /manifest.<lang>.webmanifest. */
const TRANSLATED: Record<string, Partial<ManifestOptions>> = {
  en: { lang: 'en', description: 'Intervention planning for technicians and dispatchers' },
};

/** Emits the translated manifests beside the default one (before the service worker precaches the build). */
export function translatedManifests(): Plugin {
  return {
    name: 'translated-manifests',
    apply: 'build',
    generateBundle() {
      for (const [language, translation] of Object.entries(TRANSLATED)) {
        this.emitFile({ type: 'asset', fileName: `manifest.${language}.webmanifest`, source: JSON.stringify({ ...MANIFEST, ...translation }) });
      }
    },
  };
}
