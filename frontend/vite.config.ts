import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { defineConfig } from 'vitest/config';

const backend = process.env.VITE_BACKEND_URL ?? 'http://localhost:8080';
const THEME = '#7c3aed';

/** `locale-pl` for src/lib/i18n/locales/pl/*.json; English stays in the main bundle. */
const localeChunk = (id: string) => {
  const language = /locales[\\/](\w+)[\\/]/.exec(id)?.[1];
  return language && language !== 'en' ? `locale-${language}` : null;
};

export default defineConfig({
  plugins: [
    react(),
    VitePWA({
      // Registered from src/features/pwa/serviceWorker.ts (no inline script: CSP is 'self').
      injectRegister: null,
      registerType: 'prompt',
      includeAssets: ['favicon.svg', 'icons/apple-touch-icon.png'],
      manifest: {
        id: '/',
        name: 'spotlight.cam',
        short_name: 'spotlight',
        description:
          'Find a recording partner at your West Coast Swing event, chat, and get your heat video phone to phone.',
        start_url: '/events',
        scope: '/',
        display: 'standalone',
        orientation: 'portrait',
        theme_color: THEME,
        background_color: '#f8fafc',
        categories: ['social', 'sports'],
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          {
            src: '/icons/icon-maskable-512.png',
            sizes: '512x512',
            type: 'image/png',
            purpose: 'maskable',
          },
        ],
      },
      workbox: {
        // The app shell and every route chunk, so that the app opens offline.
        globPatterns: ['**/*.{js,css,html,png,svg,webmanifest}'],
        navigateFallback: '/index.html',
        // API and socket traffic never goes through the cache: no route matches it, so the
        // service worker leaves those requests to the network, and offline they fail visibly.
        navigateFallbackDenylist: [/^\/api\//, /^\/socket\.io\//, /^\/metrics/],
        cleanupOutdatedCaches: true,
        // Web Push: show, group by tag, open on tap, app badge (public/push-sw.js).
        importScripts: ['/push-sw.js'],
      },
    }),
  ],
  server: {
    host: process.env.VITE_HOST ?? 'localhost',
    port: 5173,
    proxy: {
      '/api': { target: backend, changeOrigin: false },
      '/socket.io': { target: backend, ws: true, changeOrigin: false },
    },
  },
  build: {
    // Maps for error reporting, never referenced from the bundles (the backend refuses *.map in
    // production too).
    sourcemap: 'hidden',
    rolldownOptions: {
      output: {
        // Named vendor chunks: they change less often than the app, so phones keep them
        // cached across deploys, and bench/frontend can say what the initial load is made of.
        advancedChunks: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
            {
              name: 'router',
              test: /node_modules[\\/](react-router|react-router-dom|@remix-run)[\\/]/,
            },
            { name: 'query', test: /node_modules[\\/]@tanstack[\\/]/ },
            {
              name: 'socket',
              test: /node_modules[\\/](socket\.io-client|engine\.io-client|socket\.io-parser|engine\.io-parser|@socket\.io)[\\/]/,
            },
            { name: 'zod', test: /node_modules[\\/]zod[\\/]/ },
            // Each language but English (bundled) in one chunk of its own, fetched when chosen.
            { name: localeChunk, test: /[\\/]i18n[\\/]locales[\\/]/ },
            { name: 'contracts', test: /[\\/]contracts[\\/]/ },
          ],
        },
      },
    },
  },
  test: {
    // src/: unit tests of pure logic; test/: the clients against a real backend (its test
    // harness: a real server, Socket.IO and database per file).
    include: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.ts'],
    globalSetup: ['../backend/test/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    env: { NODE_ENV: 'test', LOG_LEVEL: 'silent', BCRYPT_COST: '4' },
  },
});
