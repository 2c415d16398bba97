/**
 * Versioned ClickHouse schema changes, applied in order. ClickHouse has no DDL transactions,
 * so every statement is safe to run again (IF NOT EXISTS): a migration cut short is simply
 * re-run. Never edit a migration that has shipped: add the next one. Keep to SQL that
 * ClickHouse 18.16 (Debian's package) and current releases both accept.
 */
export interface ClickHouseMigration {
  version: number;
  name: string;
  statements: readonly string[];
}

const money = 'Nullable(Decimal(18, 12))';
const costColumns = [
  'input',
  'cache_read',
  'cache_write',
  'cache_write_1h',
  'output',
  'reasoning',
  'total',
]
  .flatMap((part) => [`cost_${part} ${money}`, `list_${part} ${money}`])
  .join(',\n    ');

export const CLICKHOUSE_MIGRATIONS: readonly ClickHouseMigration[] = [
  {
    version: 1,
    name: 'usage events',
    statements: [
      // EVENT_COLUMNS in order (the DuckDB table through its migration 5), then the free tags
      // as parallel arrays so any tag groups without parsing JSON. Times are epoch ms (Int64):
      // 18.16 has no DateTime64. ReplacingMergeTree folds a row written twice by two writers
      // racing past the id check into one at merge time (the sort key ends with the id).
      `CREATE TABLE IF NOT EXISTS events (
    id String,
    ts Int64,
    source String,
    provider String,
    model String,
    requested_model Nullable(String),
    operation Nullable(String),
    service_tier String,
    context_tier String,
    input_tokens Int32,
    output_tokens Int32,
    cache_read_tokens Int32,
    cache_write_tokens Int32,
    cache_write_1h_tokens Int32,
    reasoning_tokens Int32,
    system_prompt_tokens Nullable(Int32),
    tool_definition_tokens Nullable(Int32),
    currency String,
    price_version String,
    priced UInt8,
    flags Nullable(String),
    ${costColumns},
    given_cost Nullable(Float64),
    status String,
    error_kind Nullable(String),
    attempt Int32,
    retry_of Nullable(String),
    cache_outcome Nullable(String),
    latency_ms Nullable(Float64),
    ttft_ms Nullable(Float64),
    request_id Nullable(String),
    trace_id Nullable(String),
    span_id Nullable(String),
    parent_span_id Nullable(String),
    prompt_fingerprint Nullable(String),
    tag_team Nullable(String),
    tag_service Nullable(String),
    tag_feature Nullable(String),
    tag_environment Nullable(String),
    tag_customer Nullable(String),
    tag_user Nullable(String),
    extra_tags Nullable(String),
    outcome Nullable(String),
    score Nullable(Float64),
    avoided_cost Nullable(Float64),
    trimmed_tokens Nullable(Int32),
    tag_keys Array(String),
    tag_values Array(String)
  )
  ENGINE = ReplacingMergeTree
  PARTITION BY toYYYYMM(toDateTime(intDiv(ts, 1000), 'UTC'))
  ORDER BY (intDiv(ts, 3600000), provider, model, ts, id)`,
    ],
  },
  {
    version: 2,
    name: 'revenue',
    statements: [
      // One amount per feature and month: a re-import writes a row of a higher version, the
      // engine keeps the highest per key, and readers read the table FINAL (it stays tiny).
      `CREATE TABLE IF NOT EXISTS revenue (
    feature String,
    period String,
    amount Decimal(38, 12),
    currency String,
    version UInt64
  )
  ENGINE = ReplacingMergeTree(version)
  ORDER BY (feature, period)`,
    ],
  },
  {
    version: 3,
    name: 'billing lines',
    statements: [
      // DuckDB's billing_lines, replaced by id: a re-import writes a row of a higher version
      // and readers read the table FINAL. Not partitioned by period: a corrected line may move
      // to another month, and rows of one id fold only within a partition.
      `CREATE TABLE IF NOT EXISTS billing_lines (
    id String,
    format String,
    role String,
    provider String,
    account Nullable(String),
    project Nullable(String),
    model Nullable(String),
    billed_class String,
    service_tier Nullable(String),
    context_tier Nullable(String),
    period_start Int64,
    period_end Int64,
    quantity Nullable(Float64),
    cost Nullable(Decimal(38, 12)),
    currency String,
    description Nullable(String),
    tags Nullable(String),
    version UInt64
  )
  ENGINE = ReplacingMergeTree(version)
  ORDER BY id`,
    ],
  },
  {
    version: 4,
    name: 'alerts and budgets',
    statements: [
      // One row per alert key: the store writes a key only when it is not stored yet. Times are
      // epoch ms; scope and data keep DuckDB's JSON text. Tiny, not partitioned, read FINAL.
      `CREATE TABLE IF NOT EXISTS alerts (
    key String,
    kind String,
    severity String,
    created_at Int64,
    title String,
    text String,
    scope String,
    link Nullable(String),
    data String
  )
  ENGINE = ReplacingMergeTree
  ORDER BY key`,
      // Where each alert stands on each channel: an attempt writes the pair's next state as a
      // row of a higher version, and readers read the table FINAL (the latest state per pair).
      `CREATE TABLE IF NOT EXISTS alert_deliveries (
    alert_key String,
    channel String,
    attempts Int32,
    next_attempt_at Nullable(Int64),
    delivered_at Nullable(Int64),
    last_error Nullable(String),
    abandoned UInt8,
    version UInt64
  )
  ENGINE = ReplacingMergeTree(version)
  ORDER BY (alert_key, channel)`,
      // Budgets made through the API, replaced by name: a save writes the definition (JSON, as
      // on DuckDB) at a higher version, a delete writes a tombstone (deleted = 1).
      `CREATE TABLE IF NOT EXISTS budgets (
    name String,
    definition String,
    deleted UInt8,
    version UInt64
  )
  ENGINE = ReplacingMergeTree(version)
  ORDER BY name`,
    ],
  },
];

export const CLICKHOUSE_SCHEMA_VERSION = CLICKHOUSE_MIGRATIONS.length;
