import { TokenopsError } from './tokenops-error.ts';

export class UnknownProviderError extends TokenopsError {
  readonly code = 'unknown_provider';
  readonly httpStatus = 400;

  constructor(provider: string, known: readonly string[]) {
    super(
      `unknown provider "${provider}"`,
      `use one of ${known.join(', ')}, or add it under providers in tokenops.yaml with kind: openai-compatible`,
    );
  }
}
