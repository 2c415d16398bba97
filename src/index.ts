/**
 * tokenops as a library: the usage event, its validation and the pricer, for code that embeds
 * tokenops' accounting. The CLI (`tokenops`) is the main way to run it.
 */
export type { PricedUsageEvent, UsageEvent, EventPricing } from './domain/usage-event.ts';
export type { TokenCounts, ReportedUsage } from './domain/token-classes.ts';
export type { ClassCosts } from './domain/money.ts';
export type { Tags } from './domain/tags.ts';
export { parseUsageEvent, usageEventInputSchema } from './domain/usage-event-schema.ts';
export { createPricer, type Pricer, type PriceOverrides, type Quote } from './pricing/index.ts';
export { createProviderRegistry } from './providers/index.ts';
export * from './domain/errors/index.ts';
