import { createHash, timingSafeEqual } from 'node:crypto';
import type { ApiTokenConfig } from '../../config/index.ts';
import { TokenopsError } from '../../domain/errors/index.ts';
import type { Principal } from './principal.ts';

export class UnauthorizedError extends TokenopsError {
  readonly code = 'unauthorized';
  readonly httpStatus = 401;
}

export interface AuthOptions {
  /** The value of the variable auth.adminTokenEnv names. */
  adminToken?: string;
  /** auth.tokens: hashes only. */
  tokens?: readonly ApiTokenConfig[];
}

/** Turns an Authorization header into the caller's role; throws 401 for a wrong or missing token. */
export type Authenticate = (authorization: string | undefined) => Principal;

const digest = (secret: string): Buffer => createHash('sha256').update(secret).digest();

/**
 * Every configured token is compared, each in constant time, with no early exit: how long a
 * refusal takes says nothing about which token came close. With no token configured the API
 * is open, as on a laptop.
 */
export function createAuthenticator(options: AuthOptions): Authenticate {
  const known: { hash: Buffer; principal: Principal }[] = (options.tokens ?? []).map((token) => ({
    hash: Buffer.from(token.hash.slice('sha256:'.length), 'hex'),
    principal:
      token.role === 'team'
        ? { role: 'team', name: token.name, team: token.team ?? '' }
        : { role: token.role, name: token.name },
  }));
  if (options.adminToken !== undefined) {
    known.push({
      hash: digest(options.adminToken),
      principal: { role: 'admin', name: 'auth.adminTokenEnv' },
    });
  }
  if (known.length === 0) return () => ({ role: 'anyone' });
  return (authorization) => {
    const given = /^Bearer (.+)$/.exec(authorization ?? '')?.[1];
    if (given === undefined) {
      throw new UnauthorizedError(
        'this route needs a token',
        'send Authorization: Bearer <token>: the admin token (auth.adminTokenEnv) or one made by tokenops tokens create',
      );
    }
    const hash = digest(given);
    let found: Principal | undefined;
    for (const candidate of known) {
      if (timingSafeEqual(candidate.hash, hash)) found ??= candidate.principal;
    }
    if (found === undefined) {
      throw new UnauthorizedError(
        'the token is not known (or was revoked)',
        'send the admin token (auth.adminTokenEnv) or one listed by tokenops tokens list',
      );
    }
    return found;
  };
}
