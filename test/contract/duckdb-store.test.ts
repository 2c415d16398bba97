import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';
import { DuckDbStore } from '../../src/store/duckdb/duckdb-store.ts';
import { runStoreContract } from './store-contract.ts';

const directory = mkdtempSync(join(tmpdir(), 'tokenops-duckdb-'));
after(() => rmSync(directory, { recursive: true, force: true }));

runStoreContract('DuckDB file', () => DuckDbStore.open(join(directory, 'contract.duckdb')));
