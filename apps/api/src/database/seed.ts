// Demo data: four accounts (password demo1234) and a week of interventions from the
// current Monday. Idempotent: stable ids, and existing rows are left as they are, so
// running it again never duplicates or overwrites anyone's edits.
import { createHash } from 'node:crypto';
import type { Role } from '@fs/contracts';
import { hashPassword } from '../auth/password-hasher';
import type { PrismaClient } from '../generated/prisma/client';

export const DEMO_PASSWORD = 'demo1234';

export const DEMO_USERS: { email: string; name: string; role: Role }[] = [
  { email: 'admin@example.com', name: 'Ada Admin', role: 'ADMIN' },
  { email: 'dispatch@example.com', name: 'Dominique Dispatch', role: 'DISPATCHER' },
  { email: 'alice@example.com', name: 'Alice Martin', role: 'TECHNICIAN' },
  { email: 'bob@example.com', name: 'Bob Durand', role: 'TECHNICIAN' },
];

const JOBS = [
  { title: 'Boiler maintenance', clientName: 'Boulangerie Dupont', address: '12 rue de la Paix, 75002 Paris' },
  { title: 'Heat pump inspection', clientName: 'Hôtel du Parc', address: '3 avenue Foch, 69006 Lyon' },
  { title: 'Air conditioning repair', clientName: 'Cabinet Leroy', address: '48 boulevard Haussmann, 75009 Paris' },
  { title: 'Water heater replacement', clientName: 'Mme Petit', address: '7 impasse des Lilas, 92100 Boulogne' },
  { title: 'Annual safety check', clientName: 'École Jules Ferry', address: '1 place de la Mairie, 94300 Vincennes' },
];

/** A UUID derived from a name, so the same demo row always gets the same id. */
export function stableUuid(name: string): string {
  const hex = createHash('sha256').update(`field-service-demo:${name}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function mondayOf(now: Date): Date {
  const monday = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  monday.setUTCDate(monday.getUTCDate() - ((monday.getUTCDay() + 6) % 7));
  return monday;
}

export async function seedDemo(prisma: PrismaClient, now = new Date()): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const ids = new Map<string, string>();
  for (const user of DEMO_USERS) {
    const row = await prisma.user.upsert({
      where: { email: user.email },
      create: { id: stableUuid(user.email), ...user, timeZone: 'Europe/Paris', passwordHash },
      update: {},
      select: { id: true },
    });
    ids.set(user.email, row.id);
  }
  const monday = mondayOf(now);
  const technicians = DEMO_USERS.filter((u) => u.role === 'TECHNICIAN');
  for (const [t, technician] of technicians.entries()) {
    for (let day = 0; day < 5; day++) {
      const job = JOBS[(day + t * 2) % JOBS.length];
      // 09:00 and 14:00 Paris time in winter (UTC+1); the stored instants are exact.
      const startsAt = new Date(monday.getTime() + day * 86_400_000 + (8 + t * 5) * 3_600_000);
      const id = stableUuid(`${technician.email}:${monday.toISOString()}:${day}`);
      await prisma.intervention.upsert({
        where: { id },
        create: {
          id,
          ...job,
          description: `${job.title} — demo intervention`,
          startsAt,
          endsAt: new Date(startsAt.getTime() + 2 * 3_600_000),
          timeZone: 'Europe/Paris',
          technicianId: ids.get(technician.email)!,
        },
        update: {},
      });
    }
  }
}
