import { ValidationError } from '../../domain/errors/index.ts';
import { parseSharedRule, type SharedRule } from './shared-rule.ts';

export const CHARGEBACK_MODES = ['showback', 'chargeback'] as const;
export type ChargebackMode = (typeof CHARGEBACK_MODES)[number];

export interface ChargebackRequest {
  /** The month, `YYYY-MM`. */
  period: string;
  /** Epoch ms: the month's first instant, and the next month's (exclusive). */
  from: number;
  to: number;
  mode: ChargebackMode;
  rule: SharedRule;
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** The chargeback options as the CLI flags and the API query string give them, checked. */
export function parseChargebackRequest(request: {
  period?: string;
  mode?: string;
  shared?: string;
}): ChargebackRequest {
  const match = MONTH.exec(request.period?.trim() ?? '');
  if (!match?.[1] || !match[2]) {
    throw new ValidationError(
      'invalid chargeback',
      [
        {
          field: 'period',
          reason: request.period ? `"${request.period}" is not a month` : 'is required',
        },
      ],
      'pass --period YYYY-MM, e.g. --period 2026-03',
    );
  }
  const mode = request.mode ?? 'showback';
  if (!(CHARGEBACK_MODES as readonly string[]).includes(mode)) {
    throw new ValidationError(
      'invalid chargeback',
      [{ field: 'mode', reason: `"${mode}" is not one of ${CHARGEBACK_MODES.join(', ')}` }],
      'use --mode showback (for information) or --mode chargeback (amounts to charge)',
    );
  }
  const year = Number(match[1]);
  const month = Number(match[2]) - 1;
  return {
    period: `${match[1]}-${match[2]}`,
    from: Date.UTC(year, month, 1),
    to: Date.UTC(year, month + 1, 1),
    mode: mode as ChargebackMode,
    rule: parseSharedRule(request.shared ?? 'proportional'),
  };
}
