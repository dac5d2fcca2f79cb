import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  cacheDir: '../../node_modules/.vite/apps/web',
  plugins: [react()],
  // Vite 8 resolves the `@skillgrid/shared` path from tsconfig itself.
  resolve: { tsconfigPaths: true },
  server: {
    port: 4200,
    host: 'localhost',
    proxy: { '/api': { target: 'http://localhost:3000', changeOrigin: false } },
  },
  preview: {
    port: 4300,
    host: 'localhost',
    proxy: { '/api': { target: 'http://localhost:3000', changeOrigin: false } },
  },
  build: {
    outDir: '../../dist/apps/web',
    emptyOutDir: true,
    reportCompressedSize: true,
    sourcemap: true,
    // The budget that matters is initial JS ≤ 250 kB gzip (UI.md); the entry chunk (React,
    // router, Query, the Mantine shell) is about 160 kB gzip and 520 kB minified.
    chunkSizeWarningLimit: 600,
  },
  test: {
    name: 'web',
    root,
    environment: 'jsdom',
    include: ['src/**/*.spec.{ts,tsx}'],
    setupFiles: ['src/testing/setup.ts'],
    restoreMocks: true,
    css: false,
    // Form tests type into many Mantine inputs; jsdom on a loaded 2-core machine needs more than 5 s.
    testTimeout: 20_000,
    reporters: ['default'],
  },
});
