// The OpenAPI document's schemas come from the zod contracts the pipes check with, so what
// the document shows is what the API accepts and answers (no second, hand-written copy).
import type { SchemaObject } from '@nestjs/swagger';
import { apiErrorSchema } from '@fs/contracts';
import { z } from 'zod';

/** `io: 'input'` for what a client sends (defaults filled in by us are optional there). */
export function openApiSchema(schema: z.ZodType, io: 'input' | 'output' = 'output'): SchemaObject {
  return z.toJSONSchema(schema, { target: 'openapi-3.0', io, unrepresentable: 'any' }) as SchemaObject;
}

/** Every error answer: `{statusCode, code, message, fields?, retryAfterSeconds?}`. */
export const API_ERROR_SCHEMA = openApiSchema(apiErrorSchema);

/** An error answer of `status`, described by the codes it carries. */
export const apiError = (status: number, description: string) => ({ status, description, schema: API_ERROR_SCHEMA });
