import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  root: import.meta.dirname,
  // Relative asset paths: the same build is served by browser mode and loaded by Electron's app:// protocol.
  base: './',
  plugins: [react()],
  build: {
    // Relative to root (renderer/): the build lands in dist/renderer at the top of the repository.
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 1500,
  },
});
