import { HttpException, Logger, PayloadTooLargeException, UnsupportedMediaTypeException } from '@nestjs/common';
import type { ArgumentsHost } from '@nestjs/common';
import { describe, expect, it, vi } from 'vitest';
import { ApiExceptionFilter } from './api-exception.filter';

function answer(exception: unknown): { status: number; body: Record<string, unknown> } {
  const sent = { status: 0, body: {} as Record<string, unknown> };
  const response = {
    setHeader: vi.fn(),
    status(code: number) {
      sent.status = code;
      return this;
    },
    json(body: Record<string, unknown>) {
      sent.body = body;
    },
  };
  const host = { switchToHttp: () => ({ getResponse: () => response }) } as unknown as ArgumentsHost;
  new ApiExceptionFilter().catch(exception, host);
  return sent;
}

const httpError = (status: number, type?: string) => Object.assign(new Error('x'), { status, statusCode: status, expose: true, type });

describe('ApiExceptionFilter', () => {
  it('answers a too-large body 413 PAYLOAD_TOO_LARGE, from Nest or straight from body-parser', () => {
    expect(answer(new PayloadTooLargeException()).body).toMatchObject({ statusCode: 413, code: 'PAYLOAD_TOO_LARGE' });
    expect(answer(httpError(413, 'entity.too.large')).body).toMatchObject({ statusCode: 413, code: 'PAYLOAD_TOO_LARGE' });
  });

  it('keeps other client errors below 500: body-parser 415, an undecodable URL, a Nest 415', () => {
    expect(answer(httpError(415, 'charset.unsupported')).body).toMatchObject({ statusCode: 400, fields: [{ field: '(body)' }] });
    expect(answer(Object.assign(new URIError('bad'), { status: 400 })).body).toMatchObject({ statusCode: 400, fields: [{ field: '(url)' }] });
    expect(answer(new UnsupportedMediaTypeException()).status).toBe(400);
  });

  it('logs and hides only what is ours: an unknown error or a 5xx', () => {
    const log = vi.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    expect(answer(httpError(400, 'entity.parse.failed')).status).toBe(400);
    expect(log).not.toHaveBeenCalled();
    expect(answer(new Error('boom')).body).toEqual({ statusCode: 500, code: 'INTERNAL', message: 'Internal error' });
    expect(answer(new HttpException('gateway', 502)).status).toBe(500);
    expect(log).toHaveBeenCalledTimes(2);
    log.mockRestore();
  });
});
