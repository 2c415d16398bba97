export { configSchema, type TokenopsConfig, type ProviderConfig } from './config-schema.ts';
export { loadConfig, parseConfigText, type LoadedConfig } from './load-config.ts';
export { readSecret } from './read-secret.ts';
