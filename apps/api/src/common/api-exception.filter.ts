// Every error leaves the API as an ApiError body (see @fs/contracts). Unknown errors are
// logged with their stack and answered as INTERNAL without details.
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
      const code = CODE_BY_HTTP_STATUS[status];
      if (code) return new ApiException(code, exception.message);
    }
    this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    return new ApiException('INTERNAL', 'Internal error');
  }
}
