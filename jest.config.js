// Four suites, run apart or together: offline (unit, infra) and connected (integration, e2e).
const base = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } }],
    '^.+\\.graphql$': '<rootDir>/test/support/graphql-text-transform.js',
    // ES-module-only packages the code imports, compiled to CommonJS for jest's module system.
    '/node_modules/(string-width|get-east-asian-width|strip-ansi|ansi-regex)/.+\\.js$': ['@swc/jest', { module: { type: 'commonjs' } }],
  },
  transformIgnorePatterns: ['/node_modules/(?!(string-width|get-east-asian-width|strip-ansi|ansi-regex)/)'],
  moduleFileExtensions: ['ts', 'js', 'json', 'graphql'],
  setupFiles: ['<rootDir>/test/support/quiet-observability.js'],
};

module.exports = {
  // Connected suites start DynamoDB Local and seed a district: seconds, not milliseconds, on 2 cores.
  testTimeout: 60_000,
  reporters: ['default', '<rootDir>/test/support/summary-reporter.js'],
  projects: [
    { ...base, displayName: 'unit', testMatch: ['<rootDir>/test/unit/**/*.test.ts'] },
    { ...base, displayName: 'infra', testMatch: ['<rootDir>/test/infra/**/*.test.ts'] },
    {
      ...base,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/integration/**/*.test.ts'],
      globalSetup: '<rootDir>/test/support/dynamodb-local-setup.ts',
      globalTeardown: '<rootDir>/test/support/dynamodb-local-teardown.ts',
    },
    // The deployed API bundle leaves the AWS SDK to the Lambda runtime: tests resolve it from the repository.
    { ...base, displayName: 'e2e', testMatch: ['<rootDir>/test/e2e/**/*.test.ts'], modulePaths: ['<rootDir>/node_modules'] },
  ],
};
