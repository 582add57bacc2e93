/**
 * The layering of STYLE.md, checked on every import, type-only imports included (`npm run lint:layers`):
 * domain → nothing; event-store → domain types only; projections → domain and event-store;
 * apps → all. Test files count too: a spec may add the test harness (libs/testing), nothing higher.
 * @jinlin/<lib> aliases resolve through tsconfig.json's paths, so an alias and a relative path
 * into another lib are the same dependency.
 */
const FRAMEWORKS = 'node_modules/(@nestjs|typeorm|pg|pg-[^/]+|class-validator|class-transformer|fastify|@fastify)/';
/** Spec files and the test-support folders next to them (e.g. libs/projections/src/dashboard/testing/). */
const TESTS = '(\\.spec\\.ts|\\.int-spec\\.ts|\\.e2e-spec\\.ts)$|/testing/';
const ABOVE_LIBS = 'apps/|test/|bench/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'domain-no-framework',
      comment: 'libs/domain is plain TypeScript: no Nest, TypeORM, pg, class-validator or Fastify, in its tests either.',
      severity: 'error',
      from: { path: '^libs/domain/' },
      to: { path: FRAMEWORKS },
    },
    {
      name: 'domain-no-other-lib',
      comment: 'libs/domain imports no other lib and nothing from apps, test or bench.',
      severity: 'error',
      from: { path: '^libs/domain/', pathNot: TESTS },
      to: { path: `^(libs/(?!domain/)|${ABOVE_LIBS})` },
    },
    {
      name: 'domain-tests-only-harness',
      comment: "libs/domain's specs may use the test harness (libs/testing: DeciderSpec), no other lib.",
      severity: 'error',
      from: { path: `^libs/domain/.*(${TESTS})` },
      to: { path: `^(libs/(?!domain/|testing/)|${ABOVE_LIBS})` },
    },
    {
      name: 'event-store-not-to-projections-or-apps',
      comment: 'libs/event-store knows nothing of the read models or of the service built on it, in its tests either.',
      severity: 'error',
      from: { path: '^libs/event-store/' },
      to: { path: `^(libs/projections/|${ABOVE_LIBS})` },
    },
    {
      name: 'event-store-only-domain',
      comment: 'Outside its tests, libs/event-store imports no lib but libs/domain (projections: the rule above).',
      severity: 'error',
      from: { path: '^libs/event-store/', pathNot: TESTS },
      to: { path: '^libs/(?!event-store/|domain/|projections/)' },
    },
    {
      name: 'event-store-only-domain-types',
      comment: 'What libs/event-store takes from libs/domain is types: `import type`, gone after compilation.',
      severity: 'error',
      from: { path: '^libs/event-store/', pathNot: TESTS },
      to: { path: '^libs/domain/', dependencyTypesNot: ['type-only', 'pre-compilation-only'] },
    },
    {
      name: 'projections-not-to-apps',
      comment: 'libs/projections knows nothing of the service that runs them, in its tests either.',
      severity: 'error',
      from: { path: '^libs/projections/' },
      to: { path: `^(${ABOVE_LIBS})` },
    },
    {
      name: 'projections-only-domain-and-event-store',
      comment: 'Outside its tests, libs/projections imports no lib but libs/domain and libs/event-store.',
      severity: 'error',
      from: { path: '^libs/projections/', pathNot: TESTS },
      to: { path: '^libs/(?!projections/|domain/|event-store/)' },
    },
    {
      name: 'other-libs-not-to-apps',
      comment: 'libs/database and libs/testing serve the service and the tests; they import neither.',
      severity: 'error',
      from: { path: '^libs/(database|testing)/' },
      to: { path: `^(${ABOVE_LIBS})` },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'An import that resolves to nothing: a typo, or a package missing from package.json.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
    {
      name: 'no-circular',
      comment: 'A cycle of imports: the modules in it can only be understood, tested and moved together.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|coverage|data)/' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
      extensions: ['.ts', '.js', '.json'],
    },
  },
};
