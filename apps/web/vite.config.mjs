import { fileURLToPath, URL } from 'node:url';
import { defineConfig } from 'vite';

// The console is built into dist/web, beside the API's dist/apps, and served by the API at `/`.
const here = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: here,
  base: '/',
  build: {
    outDir: fileURLToPath(new URL('../../dist/web', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    reportCompressedSize: false,
  },
});
