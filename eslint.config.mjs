// @ts-check
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';

/**
 * Mistakes, not layout (prettier does layout, dependency-cruiser the layering): @eslint/js and
 * typescript-eslint's recommended rules, without type information so a run stays quick.
 */
export default defineConfig(
  globalIgnores(['**/dist/', '**/node_modules/', 'data/', 'coverage/', 'apps/api/src/dashboard-page/public/']),
  {
    files: ['{apps,libs,test,bench}/**/*.ts'],
    extends: [js.configs.recommended, tseslint.configs.recommended],
    rules: {
      // A leading underscore marks a binding kept on purpose: a parameter an interface requires, a
      // loop that only counts, a key left out of a copy by destructuring ({ key: _, ...rest }).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    // Tests read answers as a client does, JSON of whatever shape came back: `any` there is the point.
    files: ['test/**/*.ts', '**/*.spec.ts', '**/*.int-spec.ts', '**/testing/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
