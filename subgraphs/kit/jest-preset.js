// Jest preset shared by every workspace: TypeScript tests under test/, one database per run.
module.exports = {
  testEnvironment: 'node',
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  transform: {
    // jose is ECMAScript modules only; jest's CommonJS runtime needs it compiled
    '/node_modules/jose/.+\\.js$': [require.resolve('ts-jest'), { tsconfig: { allowJs: true, module: 'commonjs', target: 'ES2022', isolatedModules: true } }],
    '^.+\\.ts$': [
      'ts-jest',
      {
        tsconfig: {
          target: 'ES2022',
          module: 'commonjs',
          esModuleInterop: true,
          experimentalDecorators: true,
          emitDecoratorMetadata: true,
          isolatedModules: true,
          strict: true,
          skipLibCheck: true,
        },
      },
    ],
  },
  transformIgnorePatterns: ['/node_modules/(?!jose/)'],
  globalSetup: require.resolve('./dist/testing/jest-global-setup.js'),
  globalTeardown: require.resolve('./dist/testing/jest-global-teardown.js'),
  setupFiles: [require.resolve('reflect-metadata')],
  testTimeout: 60_000,
  maxWorkers: 1,
};
