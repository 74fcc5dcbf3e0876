// Vite 8 (rolldown). base './' lets the built game run from any folder or file share,
// offline: no CDN, no web fonts. Phaser goes into its own chunk so our code stays small.
import { defineConfig } from 'vite';

export default defineConfig({
  base: './',
  build: {
    target: 'es2022',
    // Phaser alone is ~1.2 MB minified; it is split out on purpose.
    chunkSizeWarningLimit: 1600,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [{ name: 'phaser', test: /node_modules[\\/]phaser[\\/]/ }],
        },
      },
    },
  },
  server: { port: 5173 },
  preview: { port: 4173 },
});
