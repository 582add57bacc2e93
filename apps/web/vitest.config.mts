import { defineConfig, mergeConfig } from 'vitest/config';
import viteConfig from './vite.config.mts';

/** Components and stores in happy-dom; the pages themselves are tested in Chromium (test/web). */
export default mergeConfig(
  viteConfig,
  defineConfig({
    test: { environment: 'happy-dom', include: ['src/**/*.test.ts'], restoreMocks: true },
  }),
);
