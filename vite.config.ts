/// <reference types="vitest/config" />
import { fileURLToPath, URL } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Two builds from one source: `dist/` for the local server and the AWS proxy (no emulator inside),
// `dist-demo/` for the static demo, where the MSW worker answers /aws with the in-browser emulator.
export default defineConfig(({ mode }) => ({
  base: './',
  plugins: [react()],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  // The normal build ships no MSW worker: only the demo build has a public dir.
  publicDir: mode === 'demo' ? 'public' : false,
  build: {
    outDir: mode === 'demo' ? 'dist-demo' : 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 900,
  },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    testTimeout: 20_000,
    css: false,
    server: { deps: { inline: [/@cloudscape-design/] } },
  },
}));
