// One lint configuration for the whole repository (server, shared, client, infra, tests).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

// Why the platform's modal is refused outside lib/modal (one dialog, issue 18), for both rules that refuse it.
const ONE_DIALOG = '用 lib/modal 的 showModal（主题色的确认框）。';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '.local-data/**',
      'test-results/**',
      '.serverless/**',
      '.esbuild/**',
      'coverage/**',
      'tmp/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { require: 'readonly', module: 'writable', process: 'readonly', __dirname: 'readonly' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The client's hooks: the rules of hooks and complete effect dependencies (React Compiler's rules included).
    files: ['client/**/*.ts', 'client/**/*.tsx'],
    ...reactHooks.configs.flat.recommended,
    rules: { ...reactHooks.configs.flat.recommended.rules, 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    // One dialog (issue 18): the platform's modal only through lib/modal, which gives it the theme's colours;
    // called directly it is WeChat's green.
    files: ['client/src/**/*.ts', 'client/src/**/*.tsx'],
    ignores: ['client/src/lib/modal.ts'],
    rules: {
      'no-restricted-properties': ['error', { object: 'Taro', property: 'showModal', message: ONE_DIALOG }],
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@tarojs/taro',
              importNames: ['showModal'],
              message: ONE_DIALOG,
            },
          ],
        },
      ],
    },
  },
  {
    // The OpenAPI document's builder is imported lazily (functions/src/handlers/openapi.ts). A module both imported
    // statically and reached by that lazy import is kept whole and run at cold start: through the barrel, every
    // schema of every area (openapi's init 190 ms, against 100 ms without). Name the module a value comes from.
    files: ['shared/src/routes/**/*.ts', 'functions/src/http/openapi.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['@jiebang/shared', '../index'].map((name) => ({
            name,
            allowTypeImports: true,
            message: 'Import from the module that defines it (the barrel would load at cold start: eslint.config.mjs).',
          })),
        },
      ],
    },
  },
);
