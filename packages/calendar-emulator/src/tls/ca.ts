// Owns the local certificate authority and the HTTPS server certificate. The CA is created
// on start (or loaded from --data-dir so a client that trusted it once keeps trusting it);
// the server certificate for localhost + 127.0.0.1 is re-issued from it on every start.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generate } from 'selfsigned';

export interface TlsMaterial {
  caPem: string;
  key: string;
  cert: string;
}

const TEN_YEARS_MS = 10 * 365 * 24 * 3600 * 1000;

async function createCa(): Promise<{ cert: string; key: string }> {
  const now = new Date();
  const pems = await generate([{ name: 'commonName', value: 'Calendar Emulator Local CA' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    notBeforeDate: new Date(now.getTime() - 60_000),
    notAfterDate: new Date(now.getTime() + TEN_YEARS_MS),
    extensions: [
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true },
    ],
  });
  return { cert: pems.cert, key: pems.private };
}

async function loadOrCreateCa(dataDir?: string): Promise<{ cert: string; key: string }> {
  if (!dataDir) return createCa();
  const certPath = join(dataDir, 'ca.pem');
  const keyPath = join(dataDir, 'ca-key.pem');
  if (existsSync(certPath) && existsSync(keyPath)) {
    return { cert: readFileSync(certPath, 'utf8'), key: readFileSync(keyPath, 'utf8') };
  }
  const ca = await createCa();
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(certPath, ca.cert);
  writeFileSync(keyPath, ca.key, { mode: 0o600 });
  return ca;
}

export async function createTlsMaterial(dataDir?: string): Promise<TlsMaterial> {
  const ca = await loadOrCreateCa(dataDir);
  const now = new Date();
  const leaf = await generate([{ name: 'commonName', value: 'localhost' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    notBeforeDate: new Date(now.getTime() - 60_000),
    // Browsers and Node reject leaf certificates valid for more than ~398 days.
    notAfterDate: new Date(now.getTime() + 365 * 24 * 3600 * 1000),
    ca: { key: ca.key, cert: ca.cert },
    extensions: [
      { name: 'basicConstraints', cA: false, critical: true },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' },
        ],
      },
    ],
  });
  return { caPem: ca.cert, key: leaf.private, cert: leaf.cert };
}
