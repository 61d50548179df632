// Graph's error envelope and the error codes the calendar routes return.
// Shape: {"error":{"code","message","innerError":{"date","request-id","client-request-id"}}}
// Source: learn.microsoft.com graph/errors; codes per provider-apis.md B3.

export interface GraphResult {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

export class GraphHttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export function graphErrorBody(code: string, message: string, requestId: string, clientRequestId?: string) {
  return {
    error: {
      code,
      message,
      innerError: {
        date: new Date().toISOString().replace(/\.\d{3}Z$/, ''),
        'request-id': requestId,
        'client-request-id': clientRequestId ?? requestId,
      },
    },
  };
}

// Messages copied in spirit from what Graph returns, so clients matching on codes behave.
export const graphErrors = {
  notFound: () => new GraphHttpError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.'),
  conflict: () => new GraphHttpError(412, 'ErrorIrresolvableConflict',
    'The send or update operation could not be performed because the change key passed in the request does not match the current change key for the item.'),
  accessDenied: () => new GraphHttpError(403, 'ErrorAccessDenied', 'Access is denied. Check credentials and try again.'),
  invalidToken: (why: string) => new GraphHttpError(401, 'InvalidAuthenticationToken', why),
  badRequest: (message: string, code = 'BadRequest') => new GraphHttpError(400, code, message),
  invalidRequest: (message: string) => new GraphHttpError(400, 'ErrorInvalidRequest', message),
  noRoute: (path: string) => new GraphHttpError(400, 'BadRequest', `Resource not found for the segment '${path}'.`),
  methodNotAllowed: () => new GraphHttpError(405, 'Request_BadRequest', 'Specified HTTP method is not allowed for the request target.'),
  syncStateGone: (location: string) => new GraphHttpError(410, 'SyncStateNotFound',
    'The sync state generation is invalid. The delta token is expired and data must be synchronized again.', { Location: location }),
  throttled: (retryAfterSeconds: number) => new GraphHttpError(429, 'ApplicationThrottled',
    'Application is over its MailboxConcurrency limit.', { 'Retry-After': String(retryAfterSeconds) }),
};
