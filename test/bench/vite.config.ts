// Builds the benchmark page (test/bench/page): the production LocalStore and SyncEngine
// (renderer/db, renderer/sync) in a page of their own, exposed as window.bench for
// playwright's page.evaluate. sync.bench.ts builds it into a temporary folder.
import { defineConfig } from 'vite';

export default defineConfig({
  root: new URL('./page/', import.meta.url).pathname,
  base: './',
  logLevel: 'warn',
  build: {
    emptyOutDir: true,
    // Readable stacks in CPU profiles taken while developing the benchmark.
    minify: false,
    sourcemap: true,
  },
});
