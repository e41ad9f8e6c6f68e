// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Lint enforces the process boundaries of ARCHITECTURE §2 (the tsconfig projects enforce the
 * globals): renderer/ talks to main only through the RPC client; shared/ is pure TypeScript.
 */
const NODE_BUILTINS = [
  'node:*',
  'fs',
  'path',
  'os',
  'crypto',
  'child_process',
  'worker_threads',
  'http',
  'net',
  'url',
  'util',
  'events',
  'stream',
];

const rendererForbidden = {
  patterns: [
    {
      group: ['**/main/**', '../main/*', '../../main/*'],
      message: 'renderer/ may not import main/: use the RPC client.',
    },
    { group: NODE_BUILTINS, message: 'renderer/ is a sandboxed browser page: no Node APIs.' },
    {
      group: ['electron', 'electron/*'],
      message: 'renderer/ may not import electron: use window.desk through the RPC client.',
    },
    {
      group: ['better-sqlite3', 'drizzle-orm/better-sqlite3', 'drizzle-orm/better-sqlite3/*'],
      message: 'renderer/ never touches SQLite: ask main through RPC.',
    },
  ],
};

const sharedForbidden = {
  patterns: [
    { group: NODE_BUILTINS, message: 'shared/ runs in every process: no Node APIs.' },
    { group: ['electron', 'electron/*'], message: 'shared/ may not import electron.' },
    {
      group: ['better-sqlite3', 'drizzle-orm/*', 'react', 'react-dom', 'react-dom/*', 'antd', 'ws'],
      message: 'shared/ is pure domain code: no storage, UI or transport libraries.',
    },
    {
      group: ['**/main/**', '**/renderer/**', '**/server/**'],
      message: 'shared/ may not import main/, renderer/ or server/.',
    },
  ],
};

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      '.tsbuild/**',
      'drizzle/**',
      'native/**',
      'test-results/**',
      'playwright-report/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': [
        'error',
        { selector: 'CallExpression[callee.property.name="only"]', message: 'No focused tests.' },
      ],
    },
  },
  {
    files: ['main/**', 'server/**', 'scripts/**', 'bench/**', 'tests/**', '*.config.{js,ts}'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: { 'no-restricted-imports': ['error', rendererForbidden] },
  },
  {
    files: ['shared/**'],
    rules: {
      'no-restricted-imports': ['error', sharedForbidden],
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'Buffer', 'require', '__dirname'],
    },
  },
  {
    files: ['main/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/renderer/**'], message: 'main/ may not import renderer/.' }] },
      ],
    },
  },
);
