import { ValidationError } from '../../domain/errors/index.ts';

/** The variant the others are compared with, and why it was chosen (shown on its row). */
interface ControlChoice {
  variant: string;
  why: string;
}

/**
 * `--control` when given; else the variant named `control`; else the first variant of the
 * split in tokenops.yaml that has calls. With none of these there is no telling which variant
 * is the baseline, and guessing would turn the verdicts around: the caller must say.
 */
export function pickControl(
  variants: readonly string[],
  given: string | undefined,
  configured: readonly string[],
): ControlChoice {
  const listed = variants.join(', ');
  if (given !== undefined) {
    if (variants.includes(given)) return { variant: given, why: 'the control (--control)' };
    throw new ValidationError(
      'invalid control',
      [{ field: 'control', reason: `"${given}" has no calls in the experiment` }],
      `pass one of: ${listed}`,
    );
  }
  if (variants.includes('control')) return { variant: 'control', why: 'the control (its name)' };
  const first = configured.find((variant) => variants.includes(variant));
  if (first !== undefined) {
    return { variant: first, why: 'the control (first variant of the split in tokenops.yaml)' };
  }
  throw new ValidationError(
    'no control variant',
    [
      {
        field: 'control',
        reason: 'no variant is named control and tokenops.yaml has no such split',
      },
    ],
    `pass --control VARIANT (API: control=VARIANT), one of: ${listed}`,
  );
}
