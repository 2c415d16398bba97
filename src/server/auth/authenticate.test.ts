import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hashApiToken } from '../../config/index.ts';
import { createAuthenticator } from './authenticate.ts';

test('without a configured token the API is open', () => {
  assert.deepEqual(createAuthenticator({})(undefined), { role: 'anyone' });
});

test('each token gives its role, the admin variable gives admin, anything else is a 401', () => {
  const authenticate = createAuthenticator({
    adminToken: 'admin-secret',
    tokens: [
      { name: 'team/search', role: 'team', team: 'search', hash: hashApiToken('tka_search') },
      { name: 'finance', role: 'finance', hash: hashApiToken('tka_finance') },
    ],
  });
  assert.deepEqual(authenticate('Bearer tka_search'), {
    role: 'team',
    name: 'team/search',
    team: 'search',
  });
  assert.deepEqual(authenticate('Bearer tka_finance'), { role: 'finance', name: 'finance' });
  assert.equal(authenticate('Bearer admin-secret').role, 'admin');
  assert.throws(() => authenticate('Bearer tka_other'), /not known/);
  assert.throws(() => authenticate('tka_search'), /needs a token/);
  assert.throws(() => authenticate(undefined), { name: 'UnauthorizedError' });
});
