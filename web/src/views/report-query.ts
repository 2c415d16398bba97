import type { ViewState } from '../routing/view-state.ts';

/** The range and filters of the view state as GET /api/v1/report parameters. */
export function reportQuery(
  state: ViewState,
  extra: Record<string, string> = {},
): Record<string, string | readonly string[]> {
  return { from: state.from, to: state.to, where: state.where, ...extra };
}

export function totalTokens(row: { input_tokens: number; output_tokens: number }): number {
  return row.input_tokens + row.output_tokens;
}
