/**
 * The attempt number from the official clients' retry header (`x-stainless-retry-count`, sent
 * by the OpenAI and Anthropic SDKs on every try); the first try is attempt 1.
 */
export function readAttempt(retryCount: string | null | undefined): number {
  const retries = Number(retryCount);
  return Number.isInteger(retries) && retries > 0 ? retries + 1 : 1;
}
