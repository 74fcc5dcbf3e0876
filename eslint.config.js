// Lint: typescript-eslint's recommended rules, plus the architecture's import direction
// (ui -> ai -> sim, cli -> ai -> sim) and the determinism bans inside src/sim.
import tseslint from 'typescript-eslint';

const simBans = [
  { object: 'Math', property: 'random', message: 'src/sim draws randomness only from the game RNG.' },
  ...['exp', 'log', 'pow', 'sin', 'cos', 'tan', 'atan2', 'cbrt', 'hypot'].map((property) => ({
    object: 'Math',
    property,
    message: 'engine-approximated: results differ between browsers (ENGINEERING.md).',
  })),
  { object: 'performance', property: 'now', message: 'no clocks in src/sim.' },
];

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'test-results/', 'shots/', 'playwright-report/'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['src/sim/**/*.ts'],
    rules: {
      'no-restricted-properties': ['error', ...simBans],
      'no-restricted-globals': ['error', { name: 'Date', message: 'no clocks in src/sim.' }, { name: 'crypto', message: 'no crypto in src/sim.' }],
      'no-restricted-imports': ['error', { patterns: [{ group: ['../ui/*', '../ai/*', '../cli/*', '../../*', 'phaser', 'd3-geo'], message: 'src/sim imports only immer, seedrandom, zod and itself.' }] }],
    },
  },
  {
    files: ['src/ai/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['../ui/*', '../cli/*', 'phaser'], message: 'imports go ui -> ai -> sim.' }] }] },
  },
  {
    files: ['src/ui/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['../cli/*', '../../cli/*'], message: 'the UI does not import the CLI.' }] }] },
  },
);
