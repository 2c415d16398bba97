import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ROUTE_ACCESS } from '../../src/server/auth/route-access.ts';
import { runCli, runCliJson, startServer } from '../helpers/run-cli.ts';
import { tempDirectory } from '../helpers/temp-directory.ts';

type Row = Record<string, unknown>;
const ADMIN_ENV = 'TOKENOPS_ISOLATION_ADMIN';
const RANGE = 'from=2026-03-29&to=2026-03-31';

/**
 * A team token against every route of the API: what it may read is its own team's rows only,
 * checked against what the admin reads with that team as a filter; what covers every team,
 * and every write, is refused. Routes are ticked off as they are tried, and the last test
 * checks that none was left out.
 */
describe('roles: a team token reads its own team only, through every route', () => {
  const cwd = tempDirectory('team-isolation');
  const tried = new Set<string>();
  let server: Awaited<ReturnType<typeof startServer>>;
  let teamToken = '';
  let financeToken = '';
  let otherToken = '';
  let team = '';
  let other = '';
  const adminToken = randomBytes(24).toString('base64url');

  const call = async (token: string | undefined, route: string, path: string, body?: unknown) => {
    tried.add(route);
    const method = route.slice(0, route.indexOf(' '));
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    return { status: response.status, body: await response.json() };
  };
  const read = async (token: string, route: string, path: string): Promise<Row[]> => {
    const answer = await call(token, route, path);
    assert.equal(answer.status, 200, `${path}: ${JSON.stringify(answer.body)}`);
    return answer.body as Row[];
  };
  const asAdmin = (path: string) =>
    fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${adminToken}` } }).then(
      async (response) => {
        assert.equal(response.status, 200, path);
        return (await response.json()) as Row[];
      },
    );
  const mine = () => `where=${encodeURIComponent(`team:${team}`)}`;

  before(async () => {
    writeFileSync(join(cwd, 'tokenops.yaml'), `auth:\n  adminTokenEnv: ${ADMIN_ENV}\n`);
    const demo = runCli(
      ['demo', '--days', '3', '--events-per-day', '1500', '--end', '2026-03-31', '--seed', '7'],
      cwd,
    );
    assert.equal(demo.status, 0, demo.stderr);
    const teams = runCliJson<{ team: string }[]>(['report', '--by', 'team'], cwd)
      .map((row) => row.team)
      .filter((name) => name !== '(unattributed)');
    assert.ok(teams.length >= 3, teams.join());
    const created = (args: string[]) =>
      runCliJson<{ token: string }>(['tokens', 'create', ...args], cwd).token;
    const teamTokens = new Map(
      teams.map((name) => [name, created(['--role', 'team', '--team', name])]),
    );
    financeToken = created(['--role', 'finance']);
    process.env[ADMIN_ENV] = adminToken;
    server = await startServer([], cwd);
    // The team of the costliest agent trace, so another team can ask for its trace.
    const tracing = async (name: string) => {
      const where = `where=${encodeURIComponent(`team:${name}`)}`;
      return (await asAdmin(`/api/v1/traces?top=1&${RANGE}&${where}`)).length > 0;
    };
    for (const name of teams) if (team === '' && (await tracing(name))) team = name;
    other = teams.find((name) => name !== team) ?? '';
    assert.ok(team !== '' && other !== '', `teams ${teams.join()}`);
    teamToken = teamTokens.get(team) ?? '';
    otherToken = teamTokens.get(other) ?? '';
    assert.match(teamToken, /^tka_/);
  });

  after(async () => {
    await server?.stop();
    delete process.env[ADMIN_ENV];
  });

  it('refuses a missing or unknown token with 401, and serves the OpenAPI document to anyone', async () => {
    assert.equal((await call(undefined, 'GET /api/v1/report', '/api/v1/report')).status, 401);
    const wrong = await call('tka_not-a-token', 'GET /api/v1/report', '/api/v1/report');
    assert.equal(wrong.status, 401);
    assert.match(JSON.stringify(wrong.body), /tokens list/);
    assert.equal((await fetch(`${server.url}/api/openapi.json`)).status, 200);
  });

  it('report, unit economics, layers, yield and forecast give the team its own rows only', async () => {
    for (const [route, path] of [
      ['GET /api/v1/report', `/api/v1/report?by=team,feature&${RANGE}`],
      ['GET /api/v1/unit-economics', `/api/v1/unit-economics?by=team&${RANGE}`],
      ['GET /api/v1/layers', `/api/v1/layers?by=team,feature&${RANGE}`],
      ['GET /api/v1/yield', `/api/v1/yield?by=team,feature&${RANGE}`],
      ['GET /api/v1/forecast', '/api/v1/forecast?by=team'],
    ] as const) {
      const rows = await read(teamToken, route, path);
      assert.ok(rows.length > 0, path);
      assert.ok(
        rows.every((row) => row.team === team),
        `${path} shows ${[...new Set(rows.map((row) => row.team))].join()}`,
      );
      assert.deepEqual(rows, await asAdmin(`${path}&${mine()}`), path);
      // Asking for another team by filter finds nothing: both filters apply in the query.
      const theirs = `${path}&where=${encodeURIComponent(`team:${other}`)}`;
      const crossed = await read(teamToken, route, theirs);
      assert.ok(
        crossed.every((row) => row.team !== other && Number(row.cost ?? 0) === 0),
        theirs,
      );
    }
    const teamTotal = await read(teamToken, 'GET /api/v1/report', `/api/v1/report?${RANGE}`);
    const orgTotal = await asAdmin(`/api/v1/report?${RANGE}`);
    assert.ok(Number(teamTotal[0]?.cost) < Number(orgTotal[0]?.cost));
  });

  it('traces, trace trees, whatif and recommendations count the team’s calls only', async () => {
    const traces = await read(teamToken, 'GET /api/v1/traces', `/api/v1/traces?top=50&${RANGE}`);
    assert.deepEqual(traces, await asAdmin(`/api/v1/traces?top=50&${RANGE}&${mine()}`));
    assert.ok(traces.length > 0);
    const own = `/api/v1/traces/${encodeURIComponent(String(traces[0]?.trace_id))}`;
    assert.equal((await call(teamToken, 'GET /api/v1/traces/{id}', own)).status, 200);
    // Another team asking for it by id finds nothing: its calls are not that team's.
    assert.equal((await call(otherToken, 'GET /api/v1/traces/{id}', own)).status, 404);
    const theirs = await read(otherToken, 'GET /api/v1/traces', `/api/v1/traces?top=50&${RANGE}`);
    assert.ok(theirs.every((trace) => !traces.some((mine) => mine.trace_id === trace.trace_id)));

    const whatIf = `/api/v1/whatif?by=team&model=gpt-4o-mini&${RANGE}`;
    const replay = await read(teamToken, 'GET /api/v1/whatif', whatIf);
    assert.deepEqual(
      replay.map((row) => row.team),
      [team],
    );
    assert.deepEqual(replay, await asAdmin(`${whatIf}&${mine()}`));

    const recommendations = await read(
      teamToken,
      'GET /api/v1/recommendations',
      `/api/v1/recommendations?${RANGE}`,
    );
    assert.deepEqual(recommendations, await asAdmin(`/api/v1/recommendations?${RANGE}&${mine()}`));
    assert.ok(recommendations.every((row) => String(row.whatif).includes(`--where team=${team}`)));
    assert.equal(
      (
        await call(
          teamToken,
          'GET /api/v1/estimate',
          '/api/v1/estimate?model=gpt-4o-mini&input_tokens=1000&output_tokens=100&requests_per_day=10',
        )
      ).status,
      200,
    );
  });

  it('refuses a team token the org-wide routes and every token but the admin’s the writes', async () => {
    const orgWide = [
      ['GET /api/v1/prices/unpriced', '/api/v1/prices/unpriced'],
      ['GET /api/v1/reconcile', `/api/v1/reconcile?${RANGE}`],
      ['GET /api/v1/chargeback', '/api/v1/chargeback?period=2026-03'],
      ['GET /api/v1/explain', '/api/v1/explain?from=2026-03-30&to=2026-03-31'],
      ['GET /api/v1/anomalies', '/api/v1/anomalies'],
      ['GET /api/v1/budgets', '/api/v1/budgets'],
      ['GET /api/v1/alerts', '/api/v1/alerts'],
    ] as const;
    for (const [route, path] of orgWide) {
      const refused = await call(teamToken, route, path);
      assert.equal(refused.status, 403, path);
      assert.match(JSON.stringify(refused.body), /finance or admin token/);
      assert.equal((await call(financeToken, route, path)).status, 200, path);
    }
    const budget = { name: 'stolen', scope: { team: other }, period: 'month', limitUsd: 1 };
    const writes = [
      ['POST /api/v1/events', '/api/v1/events', [{ provider: 'openai', model: 'gpt-4o-mini' }]],
      ['POST /api/v1/feedback', '/api/v1/feedback', [{ request_id: 'r', outcome: 'success' }]],
      ['POST /api/v1/budgets', '/api/v1/budgets', budget],
      ['DELETE /api/v1/budgets/{name}', '/api/v1/budgets/demo-x-monthly', undefined],
      ['POST /v1/traces', '/v1/traces', { resourceSpans: [] }],
    ] as const;
    for (const [route, path, body] of writes) {
      for (const token of [teamToken, financeToken]) {
        const refused = await call(token, route, path, body);
        assert.equal(refused.status, 403, `${route}: ${JSON.stringify(refused.body)}`);
        assert.match(JSON.stringify(refused.body), /needs an admin token/);
      }
    }
    const stored = await asAdmin('/api/v1/budgets');
    assert.ok(!stored.some((row) => row.name === 'stolen'), 'nothing was written');
  });

  it('experiments count the team’s calls only', async () => {
    // One call per team and variant of a split; each team's token sees its own calls.
    const events = [team, other].flatMap((name) =>
      ['control', 'mini'].map((variant) => ({
        id: `iso-${name}-${variant}`,
        timestamp: '2026-03-30T12:00:00Z',
        provider: 'openai',
        model: 'gpt-4o-mini',
        input_tokens: 100,
        output_tokens: 10,
        tags: { team: name, experiment: 'iso-trial', variant },
        outcome: 'success',
      })),
    );
    const posted = await fetch(`${server.url}/api/v1/events`, {
      method: 'POST',
      headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify(events),
    });
    assert.equal(posted.status, 200);
    const path = `/api/v1/experiments/iso-trial?${RANGE}`;
    const rows = await read(teamToken, 'GET /api/v1/experiments/{name}', path);
    assert.deepEqual(
      rows.map((row) => [row.variant, row.requests]),
      [
        ['control', 1],
        ['mini', 1],
      ],
    );
    assert.deepEqual(rows, await asAdmin(`${path}&${mine()}`));
    assert.deepEqual(
      (await asAdmin(path)).map((row) => row.requests),
      [2, 2],
    );
  });

  it('tried every protected route', () => {
    assert.deepEqual([...tried].sort(), Object.keys(ROUTE_ACCESS).sort());
  });
});
