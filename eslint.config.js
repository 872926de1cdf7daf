import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';
import { readdirSync } from 'node:fs';

/**
 * The frontend's layers, top to bottom: app/ → features/<name>/ → shared/ → lib/, ui/.
 * An import may only point down; a feature may use another feature only through that
 * feature's index.ts.
 */
const src = 'frontend/src';
const features = readdirSync(`${src}/features`, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
const layerZones = [
  {
    target: [`${src}/lib`, `${src}/ui`],
    from: [`${src}/features`, `${src}/shared`, `${src}/app`],
    message: 'lib/ and ui/ are the bottom layer: they import no feature, shared or app code.',
  },
  {
    target: `${src}/shared`,
    from: [`${src}/features`, `${src}/app`],
    message: 'shared/ sits under the features: move what it needs down into shared/ or lib/.',
  },
  {
    target: `${src}/features`,
    from: `${src}/app`,
    message: 'app/ is the top layer: features do not import it.',
  },
  ...features.map((feature) => ({
    target: `${src}/features/${feature}`,
    from: `${src}/features`,
    except: [
      `./${feature}`,
      ...features.filter((other) => other !== feature).map((other) => `./${other}/index.ts`),
    ],
    message: 'Use another feature only through its index.ts (or move the piece to shared/).',
  })),
];

export default tseslint.config(
  {
    ignores: ['**/node_modules/**', '**/dist/**', '**/data/**', '**/coverage/**', '**/dev-dist/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'smart'],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['frontend/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    files: [`${src}/**/*.{ts,tsx}`],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js'] })],
    },
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        { basePath: import.meta.dirname, zones: layerZones },
      ],
    },
  },
  {
    files: ['scripts/**', 'bench/**', 'backend/src/cli/**', '.ci/**', 'e2e/**'],
    rules: { 'no-console': 'off' },
  },
);
