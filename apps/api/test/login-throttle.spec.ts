// Password guessing is throttled per account and per client address, progressively,
// with Retry-After; a success clears the account; PostgreSQL counters are shared by
// every API process; the OAuth callback has a coarse per-address limit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import { createApp } from '../src/app.factory';
import { AppConfig } from '../src/config/app-config';
import { parseEnv } from '../src/config/env.schema';
import { startTestApp, type TestApp } from './support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({
    LOGIN_FREE_FAILURES_PER_ACCOUNT: '3',
    LOGIN_FREE_FAILURES_PER_ADDRESS: '6',
    LOGIN_BLOCK_SECONDS: '1',
    LOGIN_BLOCK_MAX_SECONDS: '4',
    PUBLIC_RATE_LIMIT_PER_MINUTE: '5',
    // Requests come from loopback: each test picks its client address with X-Forwarded-For.
    TRUST_PROXY: 'loopback',
  });
});
afterAll(() => t?.close());

let nextAddress = 1;
const newAddress = () => `203.0.113.${nextAddress++}`;
const login = (email: string, password: string, address: string, http = t.http) =>
  http.post('/api/v1/auth/login').set('X-Forwarded-For', address).send({ email, password });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('login throttling per account', () => {
  it('locks an account after its free failures, whatever the address, longer each time; a success clears it', async () => {
    for (let i = 0; i < 4; i++) expect((await login('alice@example.com', 'wrong', newAddress())).status).toBe(401);
    const locked = await login('alice@example.com', 'demo1234', newAddress()).expect(429);
    expect(locked.headers['retry-after']).toBe('1');
    expect(locked.body).toMatchObject({ statusCode: 429, code: 'TOO_MANY_ATTEMPTS', retryAfterSeconds: 1 });

    await sleep(1100);
    await login('alice@example.com', 'wrong', newAddress()).expect(401);
    const longer = await login('alice@example.com', 'wrong', newAddress()).expect(429);
    expect(longer.headers['retry-after']).toBe('2');

    await sleep(2100);
    await login('alice@example.com', 'demo1234', newAddress()).expect(200);
    for (let i = 0; i < 3; i++) await login('alice@example.com', 'wrong', newAddress()).expect(401);
  });

  it('answers 429 to most of 40 wrong passwords in a row, from the fourth failure on', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++) statuses.push((await login('bob@example.com', `guess${i}`, newAddress())).status);
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 429]);
    // A slow machine may see the 1 s lock end once or twice during the run; never more.
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(6);
    expect(statuses.filter((s) => s === 429).length + statuses.filter((s) => s === 401).length).toBe(40);
  });
});

describe('login throttling per client address', () => {
  it('locks an address trying many accounts, even for a right password, but not other addresses', async () => {
    const address = newAddress();
    for (let i = 0; i < 4; i++) await login(`nobody${i}@example.com`, 'wrong', address).expect(401);
    // A success clears the account, not the address: one valid account must not launder guesses.
    await login('dispatch@example.com', 'demo1234', address).expect(200);
    for (let i = 4; i < 7; i++) await login(`nobody${i}@example.com`, 'wrong', address).expect(401);
    const locked = await login('dispatch@example.com', 'demo1234', address).expect(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    await login('dispatch@example.com', 'demo1234', newAddress()).expect(200);
  });
});

describe('shared by every API process', () => {
  it.runIf(process.env.DATABASE_URL)('a second API process on the same PostgreSQL sees the first one\'s lock', async () => {
    const second = await createApp(new AppConfig(parseEnv(t.env)));
    await second.init();
    try {
      const address = newAddress();
      for (let i = 0; i < 4; i++) await login('admin@example.com', 'wrong', address).expect(401);
      await login('admin@example.com', 'demo1234', newAddress(), request(second.getHttpServer())).expect(429);
    } finally {
      await second.close();
    }
  });
});

describe('coarse limit on the OAuth callback', () => {
  it('answers 429 with Retry-After past PUBLIC_RATE_LIMIT_PER_MINUTE requests from one address', async () => {
    const address = newAddress();
    for (let i = 0; i < 5; i++) {
      const response = await t.http.get('/api/v1/integrations/google/callback?code=x&state=y').set('X-Forwarded-For', address);
      expect(response.status).not.toBe(429);
    }
    const limited = await t.http.get('/api/v1/integrations/google/callback?code=x&state=y').set('X-Forwarded-For', address).expect(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.body.code).toBe('TOO_MANY_ATTEMPTS');
    await t.http.get('/api/v1/integrations/google/callback?code=x&state=y').set('X-Forwarded-For', newAddress()).expect(302);
  });
});
