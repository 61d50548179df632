// Reads TOKEN_ENCRYPTION_KEY: a comma-separated list of `[keyid:]base64` entries, each 32
// bytes. The first entry seals, every entry opens (see integrations/oauth/token-vault.ts),
// which is what lets an admin rotate a key without breaking stored tokens. Parsing is
// strict because a lenient decoder is how "k2:<new>,k1:<old>" once booted silently with
// one key: Node's base64 decoder stops at the first character it does not know.
// Problems name the entry by position and id, never its key material.

/** Key id of an entry given without a "keyid:" prefix (a single key, as before rotation existed). */
export const DEFAULT_KEY_ID = 'k0';

export interface VaultKey {
  id: string;
  key: Buffer;
}

export type KeyListResult = { ok: true; keys: VaultKey[] } | { ok: false; problems: string[] };

const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;
// Standard alphabet, whole quartets, padding only where it belongs (what `openssl rand -base64 32` prints).
const STRICT_BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const KEY_BYTES = 32;

/** `problems` are phrased to follow the variable's name ("TOKEN_ENCRYPTION_KEY entry 2 ..."). */
export function parseTokenEncryptionKeys(value: string): KeyListResult {
  const entries = value.split(',').map((entry) => entry.trim());
  const problems: string[] = [];
  const keys: VaultKey[] = [];
  entries.forEach((entry, index) => {
    const parsed = parseEntry(entry, index + 1);
    if (typeof parsed === 'string') return problems.push(parsed);
    if (keys.some((key) => key.id === parsed.id)) return problems.push(`${label(index + 1, parsed.id)} repeats a key id: each key needs its own`);
    keys.push(parsed);
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, keys };
}

function parseEntry(entry: string, position: number): VaultKey | string {
  if (entry === '') return `${label(position)} is empty (a stray comma?)`;
  const separator = entry.indexOf(':');
  const id = separator >= 0 ? entry.slice(0, separator) : DEFAULT_KEY_ID;
  const material = separator >= 0 ? entry.slice(separator + 1) : entry;
  // An id that fails the rule is not echoed: it might be key material typed in the wrong place.
  if (!KEY_ID.test(id)) return `${label(position)} has an invalid key id (1 to 32 of A-Z a-z 0-9 _ -, then ":")`;
  const where = label(position, separator >= 0 ? id : undefined);
  if (material === '') return `${where} has no key after the key id`;
  if (!STRICT_BASE64.test(material)) return `${where} is not valid base64 (standard alphabet and padding, no spaces)`;
  const key = Buffer.from(material, 'base64');
  if (key.length !== KEY_BYTES) return `${where} must be ${KEY_BYTES} bytes, got ${key.length}`;
  return { id, key };
}

const label = (position: number, id?: string) => `entry ${position}${id ? ` ("${id}")` : ''}`;
