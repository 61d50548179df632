// Parses the `Prefer` header preferences Graph's calendar API honours:
// `outlook.timezone="..."`, `odata.maxpagesize=N`, `IdType="ImmutableId"`.
// Several preferences may share one header, comma-separated, or come as repeated headers.
// Sources: graph/api/event-delta (Prefer: odata.maxpagesize / {Time zone}),
// graph/outlook-immutable-id, graph/api/resources/datetimetimezone.

export interface GraphPreferences {
  /** Zone responses render start/end in; UTC when absent (Graph's default). */
  timeZone: string;
  timeZoneRequested: boolean;
  maxPageSize?: number;
  immutableId: boolean;
}

function splitPreferences(header: string | string[] | undefined): Array<[string, string]> {
  const raw = Array.isArray(header) ? header.join(',') : header ?? '';
  const out: Array<[string, string]> = [];
  // Split on commas that are not inside double quotes (zone names never contain quotes).
  for (const part of raw.match(/(?:[^,"]|"[^"]*")+/g) ?? []) {
    const eq = part.indexOf('=');
    const key = (eq < 0 ? part : part.slice(0, eq)).trim().toLowerCase();
    const value = eq < 0 ? '' : part.slice(eq + 1).trim().replace(/^"(.*)"$/, '$1');
    if (key) out.push([key, value]);
  }
  return out;
}

export function parsePrefer(header: string | string[] | undefined): GraphPreferences {
  const prefs: GraphPreferences = { timeZone: 'UTC', timeZoneRequested: false, immutableId: false };
  for (const [key, value] of splitPreferences(header)) {
    if (key === 'outlook.timezone' && value) {
      prefs.timeZone = value;
      prefs.timeZoneRequested = true;
    } else if (key === 'odata.maxpagesize') {
      const n = Number(value);
      if (Number.isInteger(n) && n > 0) prefs.maxPageSize = n;
    } else if (key === 'idtype' && value.toLowerCase() === 'immutableid') {
      prefs.immutableId = true;
    }
  }
  return prefs;
}

/** Value of the `Preference-Applied` response header for what was honoured. */
export function preferenceApplied(prefs: GraphPreferences, pageSizeUsed: boolean): string | undefined {
  const applied: string[] = [];
  if (prefs.timeZoneRequested) applied.push(`outlook.timezone="${prefs.timeZone}"`);
  if (pageSizeUsed && prefs.maxPageSize) applied.push(`odata.maxpagesize=${prefs.maxPageSize}`);
  if (prefs.immutableId) applied.push('IdType="ImmutableId"');
  return applied.length ? applied.join(', ') : undefined;
}
