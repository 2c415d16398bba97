/**
 * Versioned schema changes, applied in order inside one transaction each. Never edit a
 * migration that has shipped: add the next one.
 */
export interface Migration {
  version: number;
  name: string;
  statements: readonly string[];
}

const money = 'DECIMAL(18,12)';
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

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'usage events',
    statements: [
      `CREATE TABLE events (
    id VARCHAR NOT NULL,
    ts TIMESTAMP NOT NULL,
    source VARCHAR NOT NULL,
    provider VARCHAR NOT NULL,
    model VARCHAR NOT NULL,
    requested_model VARCHAR,
    operation VARCHAR,
    service_tier VARCHAR NOT NULL,
    context_tier VARCHAR NOT NULL,
    input_tokens INTEGER NOT NULL,
    output_tokens INTEGER NOT NULL,
    cache_read_tokens INTEGER NOT NULL,
    cache_write_tokens INTEGER NOT NULL,
    cache_write_1h_tokens INTEGER NOT NULL,
    reasoning_tokens INTEGER NOT NULL,
    system_prompt_tokens INTEGER,
    tool_definition_tokens INTEGER,
    currency VARCHAR NOT NULL,
    price_version VARCHAR NOT NULL,
    priced BOOLEAN NOT NULL,
    flags VARCHAR,
    ${costColumns},
    given_cost DOUBLE,
    status VARCHAR NOT NULL,
    error_kind VARCHAR,
    attempt INTEGER NOT NULL,
    retry_of VARCHAR,
    cache_outcome VARCHAR,
    latency_ms DOUBLE,
    ttft_ms DOUBLE,
    request_id VARCHAR,
    trace_id VARCHAR,
    span_id VARCHAR,
    parent_span_id VARCHAR,
    prompt_fingerprint VARCHAR,
    tag_team VARCHAR,
    tag_service VARCHAR,
    tag_feature VARCHAR,
    tag_environment VARCHAR,
    tag_customer VARCHAR,
    tag_user VARCHAR,
    extra_tags VARCHAR,
    outcome VARCHAR,
    score DOUBLE
  )`,
    ],
  },
  {
    version: 2,
    name: 'billing lines',
    statements: [
      `CREATE TABLE billing_lines (
    id VARCHAR PRIMARY KEY,
    format VARCHAR NOT NULL,
    role VARCHAR NOT NULL,
    provider VARCHAR NOT NULL,
    account VARCHAR,
    project VARCHAR,
    model VARCHAR,
    billed_class VARCHAR NOT NULL,
    service_tier VARCHAR,
    context_tier VARCHAR,
    period_start TIMESTAMP NOT NULL,
    period_end TIMESTAMP NOT NULL,
    quantity DOUBLE,
    cost DECIMAL(38,12),
    currency VARCHAR NOT NULL,
    description VARCHAR,
    tags VARCHAR,
    imported_at TIMESTAMP NOT NULL DEFAULT current_timestamp
  )`,
    ],
  },
  {
    version: 3,
    name: 'revenue',
    statements: [
      // One amount per feature and month: a re-import of the same month replaces it.
      `CREATE TABLE revenue (
    feature VARCHAR NOT NULL,
    period VARCHAR NOT NULL,
    amount DECIMAL(38,12) NOT NULL,
    currency VARCHAR NOT NULL,
    imported_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
    PRIMARY KEY (feature, period)
  )`,
    ],
  },
  {
    version: 4,
    name: 'governance',
    statements: [
      // One row per fact: the key deduplicates an alert seen again or by another replica.
      `CREATE TABLE alerts (
    key VARCHAR PRIMARY KEY,
    kind VARCHAR NOT NULL,
    severity VARCHAR NOT NULL,
    created_at TIMESTAMP NOT NULL,
    title VARCHAR NOT NULL,
    text VARCHAR NOT NULL,
    scope VARCHAR NOT NULL,
    link VARCHAR,
    data VARCHAR NOT NULL
  )`,
      // No primary key: DuckDB updates of indexed tables rewrite the row; the pair is unique by insert.
      `CREATE TABLE alert_deliveries (
    alert_key VARCHAR NOT NULL,
    channel VARCHAR NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMP,
    delivered_at TIMESTAMP,
    last_error VARCHAR,
    abandoned BOOLEAN NOT NULL DEFAULT false
  )`,
      // Budgets made through the API; those of tokenops.yaml live in the file.
      `CREATE TABLE budgets (
    name VARCHAR PRIMARY KEY,
    definition VARCHAR NOT NULL,
    updated_at TIMESTAMP NOT NULL DEFAULT current_timestamp
  )`,
    ],
  },
  {
    version: 5,
    name: 'gateway optimization',
    statements: [
      // Appended at the end of the table: EVENT_COLUMNS lists them last, in this order.
      'ALTER TABLE events ADD COLUMN avoided_cost DOUBLE',
      'ALTER TABLE events ADD COLUMN trimmed_tokens INTEGER',
    ],
  },
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.length;
