import { sendJson } from '../send-json.ts';
import { standInErrorHeaders, type StandInErrorKind } from '../stand-in-error.ts';
import type { StandInHandler, StandInResponder } from '../stand-in-responder.ts';
import { StandInRequestError } from '../stand-in-request-error.ts';
import { respondBedrockConverse } from './bedrock-converse-responder.ts';
import { respondBedrockInvoke } from './bedrock-invoke-responder.ts';
import { BEDROCK_DEFAULT_USAGE, BEDROCK_USAGE_FIELDS } from './bedrock-stand-in-usage.ts';

const MODEL_PATH =
  /^\/model\/([^/]+)\/(converse|converse-stream|invoke|invoke-with-response-stream)$/;

const ERROR_TYPES: Readonly<Record<StandInErrorKind, string>> = {
  'rate-limited': 'ThrottlingException',
  'server-error': 'InternalServerException',
  'invalid-request': 'ValidationException',
  'not-found': 'UnknownOperationException',
};

export const bedrockStandIn: StandInResponder = {
  usageFields: BEDROCK_USAGE_FIELDS,
  defaultUsage: BEDROCK_DEFAULT_USAGE,
  route(method, pathname) {
    const match = method === 'POST' ? MODEL_PATH.exec(pathname) : null;
    if (match === null) return undefined;
    const [, encodedModelId = '', operation] = match;
    return bedrockOperation(encodedModelId, operation);
  },
  sendError(response, error) {
    sendJson(
      response,
      error.status,
      { message: error.message },
      {
        ...standInErrorHeaders(error),
        // AWS names the error in this header; SDKs read the type from it.
        'x-amzn-errortype': `${ERROR_TYPES[error.kind]}:http://internal.amazon.com/coral/com.amazon.bedrock/`,
      },
    );
  },
};

function bedrockOperation(encodedModelId: string, operation: string | undefined): StandInHandler {
  return (call) => {
    // Model ids arrive URL-encoded: inference profile ARNs carry ':' and '/'.
    let modelId: string;
    try {
      modelId = decodeURIComponent(encodedModelId);
    } catch {
      throw new StandInRequestError(
        `The model id "${encodedModelId}" is not URL-encoded correctly`,
      );
    }
    switch (operation) {
      case 'converse':
      case 'converse-stream':
        return respondBedrockConverse(call, operation === 'converse-stream');
      default:
        return respondBedrockInvoke(call, modelId, operation === 'invoke-with-response-stream');
    }
  };
}
