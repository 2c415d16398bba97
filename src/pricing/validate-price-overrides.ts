import { ValidationError, type FieldIssue } from '../domain/errors/index.ts';
import { SERVICE_TIERS } from '../domain/usage-event.ts';
import type { PriceOverrides, PriceRule } from './overrides.ts';

/**
 * Checks what a schema cannot see: a rule that does nothing or two things at once, a discount
 * outside 0..1, a currency without its exchange rate. Throws one ValidationError listing every
 * problem, with paths as they appear under `prices:` in tokenops.yaml.
 */
export function validatePriceOverrides(overrides: PriceOverrides): void {
  const issues: FieldIssue[] = [];
  if (!/^[A-Z]{3}$/.test(overrides.currency)) {
    issues.push({ field: 'currency', reason: 'must be a three-letter ISO 4217 code such as USD' });
  }
  if (overrides.exchangeRate !== undefined && !isPositive(overrides.exchangeRate)) {
    issues.push({ field: 'exchangeRate', reason: 'must be a number above 0' });
  }
  if (overrides.currency !== 'USD' && overrides.exchangeRate === undefined) {
    issues.push({
      field: 'exchangeRate',
      reason: `is required when currency is ${overrides.currency}: catalog prices are in USD`,
    });
  }
  overrides.rules.forEach((rule, index) => issues.push(...ruleIssues(rule, `rules[${index}]`)));
  for (const [provider, tiers] of Object.entries(overrides.tierMultipliers)) {
    for (const [tier, multiplier] of Object.entries(tiers)) {
      const field = `tierMultipliers.${provider}.${tier}`;
      if (!(SERVICE_TIERS as readonly string[]).includes(tier)) {
        issues.push({ field, reason: `is not a service tier (${SERVICE_TIERS.join(', ')})` });
      } else if (!isNonNegative(multiplier)) {
        issues.push({ field, reason: 'must be a number, 0 or more' });
      }
    }
  }
  overrides.modelAliases.forEach((alias, index) => {
    if (!alias.provider || !alias.alias || !alias.model) {
      issues.push({ field: `modelAliases[${index}]`, reason: 'needs provider, alias and model' });
    }
  });
  if (issues.length > 0) {
    throw new ValidationError(
      'price overrides',
      issues,
      'correct the prices section of tokenops.yaml',
    );
  }
}

function ruleIssues(rule: PriceRule, path: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (rule.discount === undefined && !rule.prices && !rule.selfHosted) {
    issues.push({ field: path, reason: 'needs a discount, prices or selfHosted' });
  }
  if (rule.prices && rule.selfHosted) {
    issues.push({ field: path, reason: 'cannot have both prices and selfHosted' });
  }
  if (rule.discount !== undefined && !(isNonNegative(rule.discount) && rule.discount <= 1)) {
    issues.push({ field: `${path}.discount`, reason: 'must be a fraction from 0 to 1' });
  }
  if (rule.effectiveFrom !== undefined && !isIsoDate(rule.effectiveFrom)) {
    issues.push({ field: `${path}.effectiveFrom`, reason: 'must be a date, YYYY-MM-DD' });
  }
  for (const [key, value] of Object.entries(rule.prices ?? {})) {
    if (value !== undefined && !isNonNegative(value)) {
      issues.push({ field: `${path}.prices.${key}`, reason: 'must be a number, 0 or more' });
    }
  }
  if (rule.selfHosted) {
    if (!isNonNegative(rule.selfHosted.gpuHourCost)) {
      issues.push({
        field: `${path}.selfHosted.gpuHourCost`,
        reason: 'must be a number, 0 or more',
      });
    }
    if (!isPositive(rule.selfHosted.tokensPerSecond)) {
      issues.push({
        field: `${path}.selfHosted.tokensPerSecond`,
        reason: 'must be a number above 0',
      });
    }
  }
  return issues;
}

function isNonNegative(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

function isPositive(value: unknown): value is number {
  return isNonNegative(value) && value > 0;
}

function isIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  // Rejects 2026-02-30 and the like, which Date would otherwise roll over or refuse.
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}
