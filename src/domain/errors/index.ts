export { TokenopsError } from './tokenops-error.ts';
export { ValidationError, type FieldIssue } from './validation-error.ts';
export { UnknownProviderError } from './unknown-provider-error.ts';
export { ConfigError } from './config-error.ts';
export { StoreError } from './store-error.ts';
export { NotFoundError } from './not-found-error.ts';
export { BillFileError } from './bill-file-error.ts';
export { ConflictError } from './conflict-error.ts';
export { UpstreamError } from './upstream-error.ts';
