export type { ProviderAdapter, ReportedUsage, ServiceTierMultipliers } from './provider-adapter.ts';
export {
  createProviderRegistry,
  type CompatibleProvider,
  type ProviderRegistry,
} from './registry.ts';
