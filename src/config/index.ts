export {
  configSchema,
  type TokenopsConfig,
  type ProviderConfig,
  type VirtualKeyConfig,
  type BudgetConfig,
  type PolicyConfig,
  type AlertChannelConfig,
} from './config-schema.ts';
export { loadConfig, parseConfigText, type LoadedConfig } from './load-config.ts';
export { readSecret } from './read-secret.ts';
export { addVirtualKey, removeVirtualKey } from './edit-virtual-keys.ts';
export { budgetSchema } from './governance-schema.ts';
export { addApiToken, generateApiToken, hashApiToken, removeApiToken } from './edit-api-tokens.ts';
export { API_ROLES, type ApiRole, type ApiTokenConfig } from './auth-schema.ts';
