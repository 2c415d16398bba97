import assert from 'node:assert/strict';
import { it } from 'node:test';
import { findRoute } from './find-route.ts';
import type { RouteHandler } from './routes/route-handler.ts';

const list: RouteHandler = () => Promise.resolve('list');
const one: RouteHandler = () => Promise.resolve('one');
const routes = new Map([
  ['GET /api/v1/traces', list],
  ['GET /api/v1/traces/{id}', one],
]);

it('matches exact paths first, then one non-empty segment per {name}', () => {
  assert.equal(findRoute(routes, 'GET', '/api/v1/traces')?.handler, list);
  assert.deepEqual(findRoute(routes, 'GET', '/api/v1/traces/abc'), {
    key: 'GET /api/v1/traces/{id}',
    handler: one,
  });
  assert.equal(findRoute(routes, 'GET', '/api/v1/traces/'), undefined);
  assert.equal(findRoute(routes, 'GET', '/api/v1/traces/abc/def'), undefined);
  assert.equal(findRoute(routes, 'POST', '/api/v1/traces/abc'), undefined);
});
