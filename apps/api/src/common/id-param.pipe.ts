// The `:id` route parameter must be a UUID: a 400 naming the field otherwise.
import { ParseUUIDPipe } from '@nestjs/common';
import { ApiException } from './api-error';

export const idParamPipe = new ParseUUIDPipe({
  exceptionFactory: () => new ApiException('VALIDATION_FAILED', 'id must be a UUID', [{ field: 'id', message: 'must be a UUID' }]),
});
