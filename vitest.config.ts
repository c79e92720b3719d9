import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // End-to-end tests spawn the built binary; build first (`npm run build`, run by `npm install`).
    // Generous: the terminal tests wait for a screen, and a loaded two-core CI machine is slow.
    testTimeout: 30_000,
  },
});
