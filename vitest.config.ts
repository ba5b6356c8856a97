import {defineConfig} from 'vitest/config'

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // One Chromium for all browser tests (tests/browser/shared.ts connects to it).
    globalSetup: ['tests/browser/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Browser tests share one Chromium per file; two cores, so keep files few at once.
    maxWorkers: 2,
    minWorkers: 1
  }
})
