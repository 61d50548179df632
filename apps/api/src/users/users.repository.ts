// Database access for users, with explicit field selection: the password hash leaves
// this file only through findCredentialsByEmail.
import { Injectable } from '@nestjs/common';
import type { Technician, User } from '@fs/contracts';
import { PrismaService } from '../database/prisma.service';

const PUBLIC_FIELDS = { id: true, email: true, name: true, role: true, timeZone: true } as const;

@Injectable()
export class UsersRepository {
  constructor(private readonly prisma: PrismaService) {}

  findById(id: string): Promise<User | null> {
    return this.prisma.user.findUnique({ where: { id }, select: PUBLIC_FIELDS });
  }

  findCredentialsByEmail(email: string): Promise<(User & { passwordHash: string }) | null> {
    return this.prisma.user.findUnique({ where: { email }, select: { ...PUBLIC_FIELDS, passwordHash: true } });
  }

  listTechnicians(onlyId?: string): Promise<Technician[]> {
    return this.prisma.user.findMany({
      where: { role: 'TECHNICIAN', ...(onlyId ? { id: onlyId } : {}) },
      select: { id: true, name: true, email: true, timeZone: true },
      orderBy: { name: 'asc' },
    });
  }
}
