// A valid POST /interventions body for tests and the benchmark: override what the case is about.
export function interventionBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: 'Leak under the sink',
    description: 'Kitchen, ring twice',
    clientName: 'M. Bernard',
    address: '5 rue Victor Hugo, 33000 Bordeaux',
    startsAt: '2027-01-12T09:00:00+01:00',
    endsAt: '2027-01-12T10:30:00+01:00',
    timeZone: 'Europe/Paris',
    ...overrides,
  };
}
