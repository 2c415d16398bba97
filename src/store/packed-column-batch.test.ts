import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { columnStrings, toColumnBatch, type TableColumn } from './column-batch.ts';
import { packColumnBatch, unpackColumnBatch } from './packed-column-batch.ts';
import { stringDictionary } from './string-dictionary.ts';

interface Row {
  id: string;
  team: string | undefined;
  customer: string;
  tokens: number | undefined;
}

const COLUMNS: readonly TableColumn<Row>[] = [
  { name: 'id', layout: 'varchar', read: (row) => row.id },
  { name: 'team', layout: 'varchar', read: (row) => row.team },
  { name: 'customer', layout: 'varchar', read: (row) => row.customer },
  { name: 'tokens', layout: 'int32', read: (row) => row.tokens },
];

/** ids unique and non-ASCII, teams few with NULLs and '', customers 300 distinct. */
function rows(count: number): Row[] {
  const teams = ['search', '', 'équipe-ü', undefined];
  return Array.from({ length: count }, (_, index) => ({
    id: `évent-${index}-✓`,
    team: teams[index % 4],
    customer: `customer-${index % 300}`,
    tokens: index % 5 === 0 ? undefined : index * 3,
  }));
}

/** The batch as it arrives on another thread: packed, cloned as postMessage clones, unpacked. */
function throughAThread(count: number) {
  const batch = toColumnBatch(COLUMNS, rows(count));
  const { packed, transfer } = packColumnBatch(batch);
  const received = structuredClone(packed, { transfer });
  return { original: toColumnBatch(COLUMNS, rows(count)), received: unpackColumnBatch(received) };
}

describe('packed column batches', () => {
  it('arrive on another thread with every string, NULL and number of the batch', () => {
    const { original, received } = throughAThread(5000);
    assert.equal(received.count, 5000);
    original.columns.forEach((column, index) => {
      const arrived = received.columns[index]!;
      assert.deepEqual(columnStrings(arrived), column.strings, `strings of column ${index}`);
      assert.deepEqual(new Uint8Array(arrived.bytes), new Uint8Array(column.bytes));
      assert.deepEqual(arrived.validity, column.validity);
    });
  });

  it('keep few-valued columns as dictionaries and send unique ones as text', () => {
    const { received } = throughAThread(5000);
    const [id, team, customer] = received.columns;
    assert.equal(id!.dictionary, undefined);
    assert.equal(id!.strings[4999], 'évent-4999-✓');
    assert.deepEqual(team!.dictionary?.names, ['search', '', 'équipe-ü']);
    assert.ok(team!.dictionary?.codes instanceof Uint8Array);
    assert.equal(customer!.dictionary?.names.length, 300);
    assert.ok(customer!.dictionary?.codes instanceof Uint16Array);
  });

  it('pass on to a third thread as they arrived, without packing again or moving buffers', () => {
    const batch = toColumnBatch(COLUMNS, rows(50));
    const arrived = structuredClone(packColumnBatch(batch).packed);
    const unpacked = unpackColumnBatch(arrived);
    const again = packColumnBatch(unpacked);
    assert.equal(again.packed, arrived);
    assert.deepEqual(again.transfer, []);
    // A batch built here (not unpacked) is packed afresh.
    assert.notEqual(packColumnBatch(toColumnBatch(COLUMNS, rows(50))).packed, arrived);
  });

  it('pack an empty batch', () => {
    const { received } = throughAThread(0);
    assert.equal(received.count, 0);
    assert.deepEqual(columnStrings(received.columns[0]!), []);
  });
});

describe('stringDictionary', () => {
  it('gives up on a column of mostly distinct values', () => {
    const ids = Array.from({ length: 1000 }, (_, index) => `id-${index}`);
    assert.equal(stringDictionary(ids, ids.length), null);
  });

  it('codes NULLs as 0 and values in order of first appearance', () => {
    const dictionary = stringDictionary(['b', null, 'a', 'b'], 4);
    assert.deepEqual(dictionary?.names, ['b', 'a']);
    assert.deepEqual([...(dictionary?.codes ?? [])], [0, 0, 1, 0]);
  });
});
