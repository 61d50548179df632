// Validates a request part against a zod schema from @fs/contracts. A failure becomes a
// 400 naming every bad field (unknown fields included), before any service runs.
import { PipeTransform } from '@nestjs/common';
import type { z } from 'zod';
import { fieldRuleSchema, type FieldError } from '@fs/contracts';
import { ApiException } from './api-error';

export class ZodValidationPipe<S extends z.ZodType> implements PipeTransform<unknown, z.output<S>> {
  constructor(private readonly schema: S) {}

  transform(value: unknown): z.output<S> {
    const result = this.schema.safeParse(value ?? {});
    if (result.success) return result.data;
    const fields = zodIssuesToFields(result.error.issues);
    throw new ApiException('VALIDATION_FAILED', fields.map((f) => `${f.field}: ${f.message}`).join('; '), fields);
  }
}

export function zodIssuesToFields(issues: z.core.$ZodIssue[]): FieldError[] {
  return issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ field: [...issue.path, key].join('.'), message: 'is not an allowed field' }));
    }
    const rule = fieldRuleSchema.safeParse(issue.code === 'custom' ? issue.params?.rule : undefined);
    return [{ field: issue.path.join('.') || '(body)', message: issue.message, ...(rule.success ? { rule: rule.data } : {}) }];
  });
}
