import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // End-to-end tests spawn the built binary; build first (`npm run build`, run by `npm install`).
    testTimeout: 20_000,
  },
});
