// The HTTP surface of calendar integrations (ARCHITECTURE.md, kept exactly). Every route
// acts on the caller's own integrations; the callback is public because the provider
// sends the browser there without our bearer token: the state says whose it is.
import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query, Redirect, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import {
  caldavConnectSchema,
  disconnectQuerySchema,
  integrationSettingsSchema,
  type AuthUrlResponse,
  type CalendarProviderId,
  type Integration,
  type ProviderCalendar,
  type User,
} from '@fs/contracts';
import type { z } from 'zod';
import { CurrentUser, Public } from '../auth/auth.decorators';
import { ZodValidationPipe } from '../common/zod-validation.pipe';
import { CalDavConnectService } from './caldav-connect.service';
import { IntegrationsService } from './integrations.service';
import { ProviderParamPipe } from './provider-param.pipe';

const provider = new ProviderParamPipe();
const text = (value: unknown) => (typeof value === 'string' ? value : undefined);

@ApiTags('integrations')
@ApiBearerAuth()
@Controller('integrations')
export class IntegrationsController {
  constructor(
    private readonly integrations: IntegrationsService,
    private readonly caldav: CalDavConnectService,
  ) {}

  @Get()
  list(@CurrentUser() user: User): Promise<Integration[]> {
    return this.integrations.list(user);
  }

  /** CalDAV has no consent page: the server URL, user name and app-specific password come here. */
  @Post('caldav/connect')
  @HttpCode(200)
  connectCalDav(
    @CurrentUser() user: User,
    @Body(new ZodValidationPipe(caldavConnectSchema)) body: z.output<typeof caldavConnectSchema>,
  ): Promise<Integration> {
    return this.caldav.connect(user, body);
  }

  @Get(':provider/auth')
  auth(@CurrentUser() user: User, @Param('provider', provider) id: CalendarProviderId): Promise<AuthUrlResponse> {
    return this.integrations.authorizationUrl(user, id);
  }

  @Public()
  @Get(':provider/callback')
  @Redirect()
  async callback(
    @Param('provider', provider) id: CalendarProviderId,
    @Query() query: Record<string, unknown>,
  ): Promise<{ url: string; statusCode: number }> {
    const url = await this.integrations.completeAuthorization(id, { code: text(query.code), state: text(query.state), error: text(query.error) });
    return { url, statusCode: 302 };
  }

  /** 204 when done; 202 with the integration (DISCONNECTING, progress) while our events are being removed first. */
  @Delete(':provider')
  async disconnect(
    @CurrentUser() user: User,
    @Param('provider', provider) id: CalendarProviderId,
    @Query(new ZodValidationPipe(disconnectQuerySchema)) query: z.output<typeof disconnectQuerySchema>,
    @Res({ passthrough: true }) response: Response,
  ): Promise<Integration | undefined> {
    const removing = await this.integrations.disconnect(user, id, query.removeEvents);
    response.status(removing ? 202 : 204);
    return removing ?? undefined;
  }

  @Get(':provider/calendars')
  calendars(@CurrentUser() user: User, @Param('provider', provider) id: CalendarProviderId): Promise<ProviderCalendar[]> {
    return this.integrations.calendars(user, id);
  }

  @Post(':provider/retry')
  @HttpCode(200)
  retry(@CurrentUser() user: User, @Param('provider', provider) id: CalendarProviderId): Promise<Integration> {
    return this.integrations.retryFailed(user, id);
  }

  @Post(':provider/settings')
  @HttpCode(200)
  settings(
    @CurrentUser() user: User,
    @Param('provider', provider) id: CalendarProviderId,
    @Body(new ZodValidationPipe(integrationSettingsSchema)) body: z.output<typeof integrationSettingsSchema>,
  ): Promise<Integration> {
    return this.integrations.saveSettings(user, id, body);
  }
}
