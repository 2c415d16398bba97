import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { runCli, runCliJson, startServer } from '../helpers/run-cli.ts';
import { tempDirectory } from '../helpers/temp-directory.ts';

type Line = {
  team: string;
  mode: string;
  direct_cost: number;
  shared_cost: number;
  total_cost: number;
};
type Statement = { total_cost: number; pool: { source: string; cost: number }[]; lines: Line[] };
type UnitRow = Record<string, string | number | null>;

const CONFIG = `allocation:
  sharedScopes:
    - name: embedding pipeline
      scope: { feature: embedding-pipeline }
`;
const cents = (amount: number) => Math.round(amount * 100);

describe('chargeback and unit economics on the demo workload', () => {
  const cwd = tempDirectory('allocation');
  let monthTotal = 0;
  let teams: string[] = [];

  before(() => {
    writeFileSync(join(cwd, 'tokenops.yaml'), CONFIG);
    const demo = runCli(
      ['demo', '--days', '3', '--events-per-day', '1000', '--end', '2026-03-31', '--seed', '5'],
      cwd,
    );
    assert.equal(demo.status, 0, demo.stderr);
    const [total] = runCliJson<{ cost: number }[]>(
      ['report', '--from', '2026-03-01', '--to', '2026-03-31'],
      cwd,
    );
    monthTotal = total?.cost ?? 0;
    teams = runCliJson<{ team: string }[]>(['report', '--by', 'team'], cwd)
      .map((row) => row.team)
      .filter((team) => team !== '(unattributed)')
      .sort();
  });

  it('adds every rule’s statements up to the report total for the month, to the cent', () => {
    assert.ok(
      monthTotal > 0 && teams.length >= 3,
      `demo spend ${monthTotal}, teams ${teams.join()}`,
    );
    const [first, ...rest] = teams;
    const fixed = `fixed:${first}=40,${rest.map((team, index) => `${team}=${index === 0 ? 60 : 0}`).join(',')}`;
    for (const shared of ['proportional', 'even', fixed]) {
      const lines = runCliJson<Line[]>(
        ['chargeback', '--period', '2026-03', '--shared', shared],
        cwd,
      );
      const sum = lines.reduce((total, line) => total + cents(line.total_cost), 0);
      assert.equal(sum, cents(monthTotal), `${shared}: ${sum} cents vs report ${monthTotal}`);
      for (const line of lines) {
        assert.equal(cents(line.direct_cost) + cents(line.shared_cost), cents(line.total_cost));
      }
    }
  });

  it('labels chargeback output as amounts to charge', () => {
    const result = runCli(['chargeback', '--period', '2026-03', '--mode', 'chargeback'], cwd);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /Chargeback for 2026-03: amounts to charge/);
    assert.match(result.stdout, /embedding pipeline \$/);
    assert.match(result.stdout, /untagged \$/);
  });

  it('refuses fixed percentages that do not add to 100, with the fix', () => {
    const result = runCli(
      ['chargeback', '--period', '2026-03', '--shared', 'fixed:search=70'],
      cwd,
    );
    assert.equal(result.status, 1);
    assert.match(result.stderr, /70 %, not 100 %/);
    assert.match(result.stderr, /fixed:TEAM=PCT/);
  });

  it('imports revenue idempotently and refuses a bad row naming its line', () => {
    const file = join(cwd, 'revenue.csv');
    writeFileSync(
      file,
      'feature,period,amount,currency\nsupport-chat,2026-03,1200.50,USD\ncode-review,2026-03,300,\n',
    );
    const [first] = runCliJson<{ lines: number; new_lines: number }[]>(
      ['import', file, '--format', 'revenue'],
      cwd,
    );
    assert.deepEqual([first?.lines, first?.new_lines], [2, 2]);
    const [again] = runCliJson<{ new_lines: number; already_imported: number }[]>(
      ['import', file, '--format', 'revenue'],
      cwd,
    );
    assert.deepEqual([again?.new_lines, again?.already_imported], [0, 2]);

    const bad = join(cwd, 'bad-revenue.csv');
    writeFileSync(
      bad,
      'feature,period,amount\nsupport-chat,2026-04,10\nsupport-chat,2026-04,ten\n',
    );
    const refused = runCli(['import', bad, '--format', 'revenue'], cwd);
    assert.equal(refused.status, 1);
    assert.match(refused.stderr, /line 3, column amount: "ten" is not a number/);

    const rows = runCliJson<UnitRow[]>(
      ['unit-economics', '--by', 'feature', '--from', '2026-03-01', '--to', '2026-03-31'],
      cwd,
    );
    const chat = rows.find((row) => row.feature === 'support-chat');
    assert.ok(chat, 'support-chat has a row');
    assert.equal(chat.revenue, 1200.5, 'the refused file changed nothing');
    assert.ok(Math.abs(Number(chat.cost_share_of_revenue) - Number(chat.cost) / 1200.5) < 1e-6);
    assert.ok(Number(chat.success_rate) > 0 && Number(chat.success_rate) <= 1);
    assert.ok(Number(chat.active_users) > 0);

    // A feature filter keeps the feature's revenue; a team filter splits the feature's spend,
    // so its revenue is left out rather than set against a part of it.
    const range = ['--from', '2026-03-01', '--to', '2026-03-31'];
    const [onlyChat] = runCliJson<UnitRow[]>(
      ['unit-economics', ...range, '--where', 'feature=support-chat'],
      cwd,
    );
    assert.deepEqual(onlyChat, chat);
    const byTeam = runCliJson<UnitRow[]>(['unit-economics', '--by', 'team', ...range], cwd);
    const team = byTeam.find((row) => row.team === teams[0]);
    assert.ok(team && Number(team.cost) > 0);
    const teamFeatures = runCliJson<UnitRow[]>(
      ['unit-economics', ...range, '--where', `team=${teams[0]}`],
      cwd,
    );
    const summed = teamFeatures.reduce((sum, row) => sum + cents(Number(row.cost)), 0);
    assert.ok(Math.abs(summed - cents(Number(team.cost))) <= teamFeatures.length);
    assert.ok(teamFeatures.every((row) => row.revenue === null));
  });

  it('serves the same statement and unit economics over the API', async () => {
    const server = await startServer([], cwd);
    try {
      const response = await fetch(`${server.url}/api/v1/chargeback?period=2026-03&shared=even`);
      assert.equal(response.status, 200);
      const statement = (await response.json()) as Statement;
      assert.equal(cents(statement.total_cost), cents(monthTotal));
      assert.ok(
        (statement.pool.find((source) => source.source === 'embedding pipeline')?.cost ?? 0) > 0,
      );
      const units = await fetch(`${server.url}/api/v1/unit-economics?by=team`);
      assert.equal(units.status, 200);
      const rows = (await units.json()) as UnitRow[];
      assert.ok(rows.some((row) => row.team === teams[0]));
      const bad = await fetch(`${server.url}/api/v1/chargeback?period=March`);
      assert.equal(bad.status, 400);
    } finally {
      await server.stop();
    }
  });
});
