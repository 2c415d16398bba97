import assert from 'node:assert/strict';
import { it } from 'node:test';
import { createRouteFinder } from './find-route.ts';
import type { RouteHandler } from './routes/route-handler.ts';

const list: RouteHandler = () => Promise.resolve('list');
const one: RouteHandler = () => Promise.resolve('one');
const routes = new Map([
  ['GET /api/v1/traces', list],
  ['GET /api/v1/traces/{id}', one],
]);

const findRoute = createRouteFinder(routes);

it('matches exact paths first, then one non-empty segment per {name}', () => {
  assert.equal(findRoute('GET', '/api/v1/traces')?.handler, list);
  assert.deepEqual(findRoute('GET', '/api/v1/traces/abc'), {
    key: 'GET /api/v1/traces/{id}',
    handler: one,
  });
  assert.equal(findRoute('GET', '/api/v1/traces/'), undefined);
  assert.equal(findRoute('GET', '/api/v1/traces/abc/def'), undefined);
  assert.equal(findRoute('POST', '/api/v1/traces/abc'), undefined);
});

it('matches only exact paths when no route has a {name} segment', () => {
  const exactOnly = createRouteFinder(new Map([['GET /api/v1/traces', list]]));
  assert.equal(exactOnly('GET', '/api/v1/traces')?.handler, list);
  assert.equal(exactOnly('GET', '/api/v1/traces/abc'), undefined);
});
