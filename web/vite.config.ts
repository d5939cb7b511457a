/// <reference types="vitest/config" />
import { fileURLToPath, URL } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

export default defineConfig({
  plugins: [
    react(),
    VitePWA({
      registerType: 'autoUpdate',
      injectRegister: false,
      includeAssets: ['favicon.svg', 'apple-touch-icon.png', 'push-handler.js'],
      manifest: {
        id: '/',
        name: 'ParkingSpots',
        short_name: 'ParkingSpots',
        description: 'Find, book and pay for parking by the hour, day or month.',
        lang: 'en',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'portrait',
        background_color: '#f6f7fb',
        theme_color: '#1f4fd8',
        icons: [
          { src: 'pwa-192x192.png', sizes: '192x192', type: 'image/png' },
          { src: 'pwa-512x512.png', sizes: '512x512', type: 'image/png' },
          {
            src: 'maskable-512x512.png',
            sizes: '512x512',
            type: 'image/png',
            purpose: 'maskable',
          },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
        navigateFallback: '/index.html',
        // API, health, docs and uploads are always fetched from the network.
        navigateFallbackDenylist: [/^\/api\//, /^\/health/, /^\/docs/, /^\/redoc/, /^\/uploads\//],
        cleanupOutdatedCaches: true,
        // Web Push: show the notification, open its page on click
        importScripts: ['push-handler.js'],
        clientsClaim: true,
        skipWaiting: true,
      },
    }),
  ],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  server: {
    port: 3000,
    proxy: {
      '/api': { target: 'http://localhost:8000', changeOrigin: true, ws: true },
      '/uploads': { target: 'http://localhost:8000', changeOrigin: true },
    },
  },
  preview: { port: 4173 },
  build: {
    outDir: 'dist',
    sourcemap: false,
    chunkSizeWarningLimit: 600,
    rollupOptions: {
      output: {
        // By module path, not by entry: listing react-leaflet as an entry pulled react-dom's index
        // into the map chunk, so every page loaded Leaflet. Now the map chunk loads with a map.
        manualChunks(id: string) {
          if (
            /node_modules\/(leaflet|react-leaflet|@react-leaflet|leaflet\.markercluster|supercluster|kdbush)\//.test(
              id,
            )
          )
            return 'leaflet';
          if (/node_modules\/(react|react-dom|scheduler|react-router|@tanstack|zustand)\//.test(id))
            return 'react';
          return undefined;
        },
      },
    },
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/testing/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    css: false,
    restoreMocks: true,
  },
});
