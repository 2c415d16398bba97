export {
  createTokenops,
  type TagValues,
  type Tokenops,
  type TokenopsOptions,
  type WrapOptions,
} from './create-tokenops.ts';
export type { AiSdkMiddleware } from './ai-sdk-middleware.ts';
export type { Fetch } from './create-metered-fetch.ts';
export type { SenderStats } from './event-sender.ts';
