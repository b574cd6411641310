// One jest configuration for every tier. TypeScript (and the ESM-only packages) go through @swc/jest to CommonJS;
// the workspace package `@jiebang/shared` is resolved to its sources as the bundlers do.

// Machines here run Node 20; the SDK's notice about Node 22 is known (production runs nodejs22.x).
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

/** Shared by every project. */
const common = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: {
    '^.+\\.(t|j|mj)sx?$': [
      '@swc/jest',
      {
        jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
        module: { type: 'commonjs' },
      },
    ],
  },
  // jose ships ESM only: compile it like our sources. Everything else in node_modules has a CommonJS build.
  transformIgnorePatterns: ['/node_modules/(?!(jose)/)'],
  moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'cjs', 'json'],
  moduleNameMapper: {
    '^@jiebang/shared$': '<rootDir>/shared/src/index.ts',
    '^@jiebang/shared/(.*)$': '<rootDir>/shared/src/$1',
    // zod's export map sends require() of a locale to the ESM file; it ships the CommonJS one beside it.
    '^zod/v4/locales/(.*)\\.js$': '<rootDir>/node_modules/zod/v4/locales/$1.cjs',
  },
  setupFilesAfterEnv: ['<rootDir>/test/support/fast-check-seed.ts'],
};

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: [
        '<rootDir>/shared/src/**/*.test.ts',
        '<rootDir>/functions/src/**/*.test.ts',
        '<rootDir>/infra/**/*.test.ts',
      ],
    },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/integration/**/*.test.ts'],
      // One DynamoDB Local and one WeChat stand-in for the run; each file creates a table of its own (env.ts).
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
      setupFiles: ['<rootDir>/test/support/env.ts'],
      setupFilesAfterEnv: [
        ...common.setupFilesAfterEnv,
        '<rootDir>/test/support/timeout-integration.ts',
        '<rootDir>/test/support/table.ts',
      ],
    },
    {
      ...common,
      // `npm start` under load: a whole local stack with CPU burners beside it. A tier of its own that `npm test` runs
      // alone, after the builds: beside the integration workers, the webpack builds and the serverless package, the
      // bundling of ≈ 130 functions passed jest's 15 minutes on CI (2026-12-02) where alone it takes ≈ 3.
      displayName: 'stack',
      testMatch: ['<rootDir>/test/stack/**/*.test.ts'],
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/e2e/**/*.test.ts'],
      testEnvironment: '<rootDir>/test/support/e2e-environment.ts',
      // One local stack for the walks of a run (e2e-global-setup.ts says why).
      globalSetup: '<rootDir>/test/support/e2e-global-setup.ts',
      globalTeardown: '<rootDir>/test/support/e2e-global-teardown.ts',
      setupFilesAfterEnv: [...common.setupFilesAfterEnv, '<rootDir>/test/support/timeout-e2e.ts'],
    },
  ],
};
