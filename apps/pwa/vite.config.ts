// Build, dev server and preview server for the PWA. Both servers proxy /api to the API so
// the app only ever uses relative URLs; the service worker never caches /api.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { BUILT_APP_HEADERS, SECURITY_HEADERS } from './security-headers';
import { MANIFEST, translatedManifests } from './web-manifest';

// The one place the PWA reads its environment: where the API listens during dev/preview.
const apiTarget = process.env.API_PROXY_TARGET ?? 'http://127.0.0.1:3000';
const proxy = { '/api': { target: apiTarget, changeOrigin: false } };

export default defineConfig({
  resolve: {
    // The contracts package is compiled to CommonJS; bundling its source keeps tree-shaking and ESM.
    alias: {
      '@fs/contracts': fileURLToPath(new URL('../../packages/contracts/src/index.ts', import.meta.url)),
    },
  },
  plugins: [
    react(),
    translatedManifests(),
    VitePWA({
      registerType: 'autoUpdate',
      injectRegister: 'script-defer',
      includeAssets: ['favicon.svg', 'icons/apple-touch-icon.png'],
      manifest: MANIFEST,
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
        navigateFallback: '/index.html',
        // API responses are personal and must always be fresh: never precached nor served by the worker.
        navigateFallbackDenylist: [/^\/api\//],
        runtimeCaching: [],
      },
    }),
  ],
  server: { port: 5173, strictPort: true, proxy, headers: SECURITY_HEADERS },
  preview: { port: 5173, strictPort: true, proxy, headers: BUILT_APP_HEADERS },
});
