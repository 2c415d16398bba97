/**
 * The arrows of docs/architecture.md as errors: each rank imports only ranks below it.
 * 0 domain · 1 pricing, providers · 2 store · 3 analytics · 4 govern, optimize
 * 5 gateway, ingest · 6 server, cli, sdk, demo (composition roots)
 */
const layer = (name) => `^src/${name}/`;
const below = {
  domain: [],
  pricing: ['domain'],
  providers: ['domain'],
  config: ['domain'],
  store: ['domain'],
  analytics: ['domain', 'pricing', 'store'],
  govern: ['domain', 'pricing', 'store', 'analytics'],
  optimize: ['domain', 'pricing', 'store', 'analytics'],
  gateway: ['domain', 'pricing', 'providers', 'store', 'analytics', 'govern', 'optimize', 'config'],
  ingest: ['domain', 'pricing', 'providers', 'store', 'analytics', 'govern', 'optimize', 'config'],
  // The SDK runs inside the caller's process: no store, no config, no server code.
  sdk: ['domain', 'providers'],
};

const rankRules = Object.entries(below).map(([from, allowed]) => ({
  name: `${from}-imports-only-lower-ranks`,
  severity: 'error',
  comment: `src/${from} may import only: ${allowed.join(', ') || 'nothing inside src'}`,
  from: { path: layer(from) },
  to: {
    path: '^src/',
    pathNot: [layer(from), ...allowed.map(layer)],
  },
}));

module.exports = {
  forbidden: [
    ...rankRules,
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Runtime import cycles make start-up order fragile.',
      from: {},
      to: { circular: true, dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'pure-domain-and-pricing',
      severity: 'error',
      comment: 'domain, pricing and providers are pure: no Node built-ins, no I/O.',
      from: { path: '^src/(domain|pricing|providers)/', pathNot: '\\.test\\.ts$' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'only-roots-pick-a-store-adapter',
      severity: 'error',
      comment: 'Only server/, cli/ and tests import a concrete store adapter.',
      from: { path: '^src/', pathNot: ['^src/(server|cli|store)/', '\\.test\\.ts$'] },
      to: { path: '^src/store/(duckdb|clickhouse)/' },
    },
    {
      name: 'features-through-index',
      severity: 'error',
      comment: 'Features import each other only through their index.ts.',
      from: { path: '^src/(analytics|govern|optimize|gateway|ingest)/' },
      to: {
        path: '^src/(analytics|govern|optimize)/.+',
        pathNot: ['^src/(analytics|govern|optimize)/index\\.ts$', '^src/$1/'],
      },
    },
    {
      name: 'duckdb-driver-only-in-adapter',
      severity: 'error',
      comment: 'Only the DuckDB adapter loads the DuckDB driver.',
      from: { path: '^src/', pathNot: '^src/store/duckdb/' },
      to: { path: '@duckdb/' },
    },
    {
      name: 'clickhouse-client-only-in-adapter',
      severity: 'error',
      comment: 'Only the ClickHouse adapter loads the ClickHouse client.',
      from: { path: '^src/', pathNot: '^src/store/clickhouse/' },
      to: { path: '@clickhouse/' },
    },
    {
      name: 'genai-prices-only-in-catalog',
      severity: 'error',
      comment: 'The price catalog library is wrapped by src/pricing/catalog.ts alone.',
      from: { path: '^src/', pathNot: '^src/pricing/catalog' },
      to: { path: '@pydantic/genai-prices' },
    },
    {
      name: 'no-orphans',
      severity: 'error',
      comment: 'A module nothing imports is dead code.',
      from: {
        orphan: true,
        pathNot: ['\\.test\\.ts$', '\\.d\\.ts$', '^src/index\\.ts$', '^src/cli/main\\.ts$'],
      },
      to: {},
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
    },
    exclude: { path: '\\.test\\.ts$' },
  },
};
