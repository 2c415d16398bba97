import { ValidationError } from '../../domain/errors/index.ts';

/** `tokenops estimate` options (GET /api/v1/estimate takes them in snake_case), as text. */
export interface EstimateOptions {
  model?: string;
  provider?: string;
  inputTokens?: string;
  outputTokens?: string;
  cachedInputTokens?: string;
  requestsPerDay?: string;
  daysPerMonth?: string;
}

export interface EstimateRequest {
  /** As given: `model` or `provider:model`. */
  models: string[];
  /** The provider of every model given without one. */
  provider?: string;
  /** Every prompt token of one request, cached ones included. */
  inputTokens: number;
  /** The part of `inputTokens` read from the provider's prompt cache. */
  cachedInputTokens: number;
  /** Every generated token, reasoning included. */
  outputTokens: number;
  requestsPerDay: number;
  daysPerMonth: number;
}

/** Checks the estimator's options; each refusal names the option and the fix. */
export function parseEstimateRequest(options: EstimateOptions): EstimateRequest {
  const models = (options.model ?? '')
    .split(',')
    .map((model) => model.trim())
    .filter((model) => model !== '');
  if (models.length === 0) {
    throw refusal(
      'model',
      'names no model',
      'pass --model gpt-4o-mini,claude-haiku-4-5, for instance',
    );
  }
  const inputTokens = tokens(options.inputTokens, 'input-tokens');
  const cachedInputTokens = tokens(options.cachedInputTokens ?? '0', 'cached-input-tokens');
  if (cachedInputTokens > inputTokens) {
    throw refusal(
      'cached-input-tokens',
      `(${cachedInputTokens}) is part of --input-tokens (${inputTokens}) and cannot exceed it`,
      'count cached tokens inside --input-tokens',
    );
  }
  return {
    models,
    ...(options.provider ? { provider: options.provider } : {}),
    inputTokens,
    cachedInputTokens,
    outputTokens: tokens(options.outputTokens, 'output-tokens'),
    requestsPerDay: positive(options.requestsPerDay, 'requests-per-day', Infinity),
    daysPerMonth: positive(options.daysPerMonth ?? '30', 'days-per-month', 31),
  };
}

function tokens(text: string | undefined, field: string): number {
  const value = Number(text);
  if (text === undefined || text.trim() === '' || !Number.isSafeInteger(value) || value < 0) {
    throw refusal(
      field,
      `"${text ?? ''}" is not a token count (a whole number, 0 or more)`,
      `pass --${field} 1200, for instance`,
    );
  }
  return value;
}

function positive(text: string | undefined, field: string, most: number): number {
  const value = Number(text);
  if (text === undefined || text.trim() === '' || !(value > 0 && value <= most)) {
    const range = most === Infinity ? 'above 0' : `above 0 and at most ${most}`;
    throw refusal(
      field,
      `"${text ?? ''}" is not a number ${range}`,
      `pass --${field} 30, for instance`,
    );
  }
  return value;
}

function refusal(field: string, reason: string, fix: string): ValidationError {
  return new ValidationError('invalid estimate', [{ field, reason }], fix);
}
