import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// One environment per folder (house style 10): Node for shared and services,
// happy-dom for renderer components, a real Chromium (driven from Node) for e2e.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          include: ['tests/shared/**/*.test.ts', 'tests/electron/**/*.test.ts', 'tests/templates/**/*.test.ts', 'tests/repo/**/*.test.ts'],
          exclude: ['tests/electron/services/kill.test.ts'],
          setupFiles: ['tests/fuzz-seed.ts'],
          testTimeout: 30_000,
        },
      },
      {
        // The SIGKILL soak (hundreds of killed child processes) on its own, so the unit project
        // gives fast feedback; `npm test` runs every project, this one included.
        test: {
          name: 'soak',
          environment: 'node',
          include: ['tests/electron/services/kill.test.ts'],
          setupFiles: ['tests/fuzz-seed.ts'],
          testTimeout: 600_000,
          hookTimeout: 120_000,
        },
      },
      {
        plugins: [react()],
        test: {
          name: 'renderer',
          environment: 'happy-dom',
          include: ['tests/renderer/**/*.test.{ts,tsx}'],
          setupFiles: ['tests/renderer/setup.ts'],
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // A poll ends as soon as its condition holds; the default 1 s was too short for the
          // page layer's typing pause on a machine loaded by the other projects (CI flakes).
          expect: { poll: { timeout: 10_000 } },
        },
      },
      {
        test: {
          name: 'layout',
          environment: 'node',
          include: ['tests/layout/**/*.test.ts'],
          fileParallelism: false,
          testTimeout: 300_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
