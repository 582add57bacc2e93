// @ts-check
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import pluginVue from 'eslint-plugin-vue';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Mistakes, not layout (prettier does layout, dependency-cruiser the layering): @eslint/js and
 * typescript-eslint's recommended rules, without type information so a run stays quick.
 */
export default defineConfig(
  globalIgnores(['**/dist/', '**/node_modules/', 'data/', 'coverage/']),
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
    // The web app's single-file components: Vue's recommended rules, TypeScript inside <script setup>.
    files: ['apps/web/**/*.vue'],
    extends: [js.configs.recommended, tseslint.configs.recommended, pluginVue.configs['flat/recommended']],
    languageOptions: { parserOptions: { parser: tseslint.parser, sourceType: 'module' }, globals: globals.browser },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
      // prettier lays out the templates.
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
      'vue/html-closing-bracket-newline': 'off',
      'vue/html-indent': 'off',
      'vue/multiline-html-element-content-newline': 'off',
    },
  },
  {
    files: ['apps/web/src/**/*.ts', 'apps/web/src/**/*.vue'],
    languageOptions: { globals: globals.browser },
    rules: {
      // The web app talks to the service over HTTP only, through the client generated from its OpenAPI document.
      'no-restricted-imports': ['error', { patterns: ['@jinlin/*', '**/api/src/**', '**/libs/**'] }],
    },
  },
  {
    // Tests read answers as a client does, JSON of whatever shape came back: `any` there is the point.
    files: ['test/**/*.ts', '**/*.spec.ts', '**/*.int-spec.ts', '**/testing/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
