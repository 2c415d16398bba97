import { readSecret } from '../config/index.ts';
import { ConfigError, ValidationError } from '../domain/errors/index.ts';
import type { BatchClient } from '../optimize/batch/index.ts';
import type { BatchTransport } from '../providers/batch-api.ts';
import { buildProviderRegistry } from './build-pricer.ts';
import type { CliContext } from './cli-context.ts';
import { createBatchTransport } from './create-batch-transport.ts';

/**
 * A provider's batch API bound to the upstream the gateway uses for it: the same
 * `providers.NAME.baseUrl` (else the public endpoint) and the key in `apiKeyEnv`. Batches are
 * sent by tokenops itself, so there is no caller's credential to pass through: the key is
 * required.
 */
export function connectBatchClient(cli: CliContext, provider: string): BatchClient {
  const registry = buildProviderRegistry(cli.config.config);
  const api = registry.names().includes(provider) ? registry.get(provider).batch : undefined;
  if (api === undefined) {
    const able = registry.names().filter((name) => registry.get(name).batch !== undefined);
    throw new ValidationError(
      'invalid option',
      [{ field: 'provider', reason: `"${provider}" has no batch API tokenops can use` }],
      `use --provider ${able.join(' or ')}`,
    );
  }
  const adapter = registry.get(provider);
  const configured = cli.config.config.providers[provider];
  const baseUrl = configured?.baseUrl ?? adapter.gateway.defaultBaseUrl;
  let transport: BatchTransport | undefined;
  // The key is looked up on the first call, so a bad file is reported before a missing key.
  const send: BatchTransport = (call) => {
    transport ??= createBatchTransport(
      provider,
      baseUrl,
      adapter.gateway.credentialFor(readKey(provider, configured?.apiKeyEnv)),
    );
    return transport(call);
  };
  return {
    provider,
    checkRequests: (requests) => api.checkRequests(requests),
    submit: (requests) => api.submit(send, requests),
    status: (id) => api.status(send, id),
    results: (id) => api.results(send, id),
  };
}

function readKey(provider: string, variable: string | undefined): string {
  const key = readSecret(variable);
  if (key !== undefined) return key;
  throw new ConfigError(
    variable === undefined
      ? `providers.${provider}.apiKeyEnv is not set, so tokenops has no ${provider} key to send batches with`
      : `the variable ${variable} (providers.${provider}.apiKeyEnv) is empty`,
    variable === undefined
      ? `add providers.${provider}.apiKeyEnv to tokenops.yaml, naming the variable that holds the key`
      : `set ${variable} to the ${provider} key before running tokenops batch`,
  );
}
