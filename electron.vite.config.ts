// Desktop build: main and preload for Electron, plus the renderer web app as the desktop
// loads it (from out/renderer through the app:// protocol). The plain web build is
// vite.config.ts.
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

const root = import.meta.dirname;
const at = (...segments: string[]): string => resolve(root, ...segments);

export default defineConfig({
  main: {
    build: {
      outDir: at('out/electron/main'),
      // Bundle zod and shared/ into main, so the packaged app ships no node_modules.
      externalizeDeps: false,
      sourcemap: true,
      lib: { entry: at('electron/main/index.ts'), formats: ['es'] },
      rolldownOptions: { output: { entryFileNames: 'index.js' } },
    },
  },
  preload: {
    build: {
      outDir: at('out/electron/preload'),
      // A sandboxed preload is a classic script that can require only 'electron': it must be
      // CommonJS with everything else bundled in.
      externalizeDeps: false,
      lib: { entry: at('electron/preload/index.ts'), formats: ['cjs'] },
      rolldownOptions: { output: { entryFileNames: 'index.cjs' } },
    },
  },
  renderer: {
    root: at('renderer'),
    plugins: [react()],
    build: {
      outDir: at('out/renderer'),
      emptyOutDir: true,
      rolldownOptions: { input: at('renderer/index.html') },
    },
  },
});
