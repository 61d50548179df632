// Login: checks a password and issues a signed JWT; resolves a token back to a user.
import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { LoginResponse, User } from '@fs/contracts';
import { ApiException } from '../common/api-error';
import { UsersRepository } from '../users/users.repository';
import { LoginThrottle } from './login-throttle';
import { verifyPassword } from './password-hasher';

// Verifying against a real hash even for unknown emails keeps response times alike,
// so the endpoint does not tell which emails exist.
const DUMMY_HASH =
  'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersRepository,
    private readonly jwt: JwtService,
    private readonly throttle: LoginThrottle,
  ) {}

  /** `address` is the client's address, for throttling (see LoginThrottle). */
  async login(email: string, password: string, address: string): Promise<LoginResponse> {
    await this.throttle.assertAllowed(email, address);
    const user = await this.users.findCredentialsByEmail(email);
    const valid = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
    if (!user || !valid) {
      await this.throttle.recordFailure(email, address);
      throw new ApiException('INVALID_CREDENTIALS', 'Wrong email or password');
    }
    await this.throttle.recordSuccess(email);
    return { accessToken: await this.jwt.signAsync({ sub: user.id, role: user.role }) };
  }

  async userFromToken(token: string): Promise<User | null> {
    try {
      const payload = await this.jwt.verifyAsync<{ sub: string }>(token);
      return await this.users.findById(payload.sub);
    } catch {
      return null;
    }
  }
}
