/** Bedrock runtime exception names, lower-cased: streams send `throttlingException`. */
const KIND_BY_EXCEPTION: Readonly<Record<string, string>> = {
  throttlingexception: 'rate_limit',
  // A per-account token or request quota: waiting (or a quota raise) is the fix, as for throttling.
  servicequotaexceededexception: 'rate_limit',
  serviceunavailableexception: 'overloaded',
  // "The model isn't ready to serve requests": AWS retries it like a capacity problem.
  modelnotreadyexception: 'overloaded',
  internalserverexception: 'server_error',
  modelstreamerrorexception: 'server_error',
  modelerrorexception: 'server_error',
  validationexception: 'invalid_request',
  accessdeniedexception: 'permission',
  resourcenotfoundexception: 'not_found',
  modeltimeoutexception: 'timeout',
  // Generic AWS front-door failures for a missing, expired or unknown credential.
  unrecognizedclientexception: 'authentication',
  expiredtokenexception: 'authentication',
  invalidsignatureexception: 'authentication',
  missingauthenticationtokenexception: 'authentication',
};

/**
 * The error kind for a Bedrock exception name in any of its spellings: `ThrottlingException`
 * (a JSON body's `__type`), `throttlingException` (an event stream's `:exception-type`),
 * `com.amazonaws.bedrock#ThrottlingException` or `ThrottlingException:http://…` (the
 * `x-amzn-errortype` header). Undefined for a name it does not know.
 */
export function bedrockErrorKind(exceptionName: unknown): string | undefined {
  if (typeof exceptionName !== 'string') return undefined;
  const name = exceptionName.slice(exceptionName.lastIndexOf('#') + 1).split(':', 1)[0] ?? '';
  return KIND_BY_EXCEPTION[name.trim().toLowerCase()];
}
