import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

/**
 * One build for both hosts: out/main (Electron main, the store worker, the web host entry),
 * out/preload (sandboxed, hence CommonJS) and out/renderer (served by app:// and by the web host).
 * Main's output is flat so that worker entries sit next to the code that spawns them.
 */
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve(import.meta.dirname, 'main/electron/index.ts'),
          'store-worker': resolve(import.meta.dirname, 'main/store/worker.ts'),
          'jobs-worker': resolve(import.meta.dirname, 'main/jobs/worker.ts'),
          // Demo data generation (main/seed/source.ts): without it the app's demo load runs inline.
          'seed-worker': resolve(import.meta.dirname, 'main/seed/worker.ts'),
          'sync-worker': resolve(import.meta.dirname, 'main/sync/worker.ts'),
          // A case export's rows are read on this thread while the job worker writes the file (main/export/pipeline.ts).
          'export-reader': resolve(import.meta.dirname, 'main/export/reader.ts'),
          web: resolve(import.meta.dirname, 'main/web/start.ts'),
        },
        // The web host's PDF printer (main/pdf/chromium.ts) loads it at run time; bundled, it looks for its own package.json.
        external: ['playwright-core'],
        output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve(import.meta.dirname, 'main/electron/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(import.meta.dirname, 'renderer'),
    base: './',
    build: {
      outDir: resolve(import.meta.dirname, 'out/renderer'),
      rollupOptions: { input: resolve(import.meta.dirname, 'renderer/index.html') },
    },
    plugins: [react()],
  },
});
