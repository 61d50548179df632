// Every error leaves the API as an ApiError body (see @fs/contracts). Client errors raised
// below Nest (body parser, URL decoding) keep their 4xx; unknown errors are logged with
// their stack and answered as INTERNAL without details.
import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Response } from 'express';
import type { ApiErrorCode } from '@fs/contracts';
import { ApiException } from './api-error';

const CODE_BY_HTTP_STATUS: Record<number, ApiErrorCode> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  429: 'TOO_MANY_ATTEMPTS',
  503: 'SERVICE_UNAVAILABLE',
};

@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('ApiExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const apiException = this.toApiException(exception);
    if (apiException.retryAfterSeconds !== undefined) response.setHeader('Retry-After', String(apiException.retryAfterSeconds));
    response.status(apiException.status).json(apiException.toBody());
  }

  private toApiException(exception: unknown): ApiException {
    if (exception instanceof ApiException) return exception;
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      // Another 4xx (405, 415, 422...) is still the client's mistake, never a 500.
      const code = CODE_BY_HTTP_STATUS[status] ?? (status >= 400 && status < 500 ? 'VALIDATION_FAILED' : undefined);
      if (code) return new ApiException(code, exception.message);
    }
    const clientError = fromClientError(exception);
    if (clientError) return clientError;
    this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    return new ApiException('INTERNAL', 'Internal error');
  }
}

/**
 * body-parser (http-errors) and Express's router report a client's mistake as an error
 * with a 4xx `status` and a `type` saying which: too large, unparsable JSON, bad charset,
 * undecodable URL. Answer it as one of our codes; it is not ours to log as an error.
 */
function fromClientError(exception: unknown): ApiException | undefined {
  const { status, type } = (typeof exception === 'object' && exception !== null ? exception : {}) as { status?: unknown; type?: unknown };
  if (typeof status !== 'number' || status < 400 || status > 499) return undefined;
  if (status === 413) return new ApiException('PAYLOAD_TOO_LARGE', 'The request body is too large');
  const message = type === 'entity.parse.failed' ? 'is not valid JSON' : 'cannot be read';
  const field = type === undefined ? '(url)' : '(body)';
  return new ApiException('VALIDATION_FAILED', `${field} ${message}`, [{ field, message }]);
}
