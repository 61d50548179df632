// The admin's HTTP surface of org-wide connections (admins only; the consent callback is
// public because Microsoft sends the admin's browser there without our bearer token: the
// single-use state says whose it is, and it must be an admin's).
//   GET    /admin/organisation-connections                      both providers' connections
//   GET    /admin/organisation-connections/microsoft/consent     {url}: Microsoft's admin consent page
//   GET    /admin/organisation-connections/microsoft/callback    consent's redirect target; 302 to the PWA
//   DELETE /admin/organisation-connections/:provider             disconnect (technicians released)
//   GET    /admin/organisation-connections/:provider/technicians which technicians it reaches
//   POST   /admin/organisation-connections/google                {serviceAccountKey}: connect Google Workspace
//   POST   /admin/organisation-connections/:provider/settings    {coverAll?, userIds?, calendarName?}
//   POST   /admin/organisation-connections/:provider/refresh     provision again (new technicians, policy changes)
import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query, Redirect } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  ORGANISATION_PROVIDERS,
  organisationProviderSchema,
  organisationSettingsSchema,
  googleServiceAccountSchema,
  type AuthUrlResponse,
  type OrganisationConnection,
  type OrganisationProviderId,
  type OrganisationTechnician,
  type User,
} from '@fs/contracts';
import type { PipeTransform } from '@nestjs/common';
import type { z } from 'zod';
import { CurrentUser, Public, Roles } from '../../auth/auth.decorators';
import { invalidField } from '../../common/api-error';
import { ZodValidationPipe } from '../../common/zod-validation.pipe';
import { OrganisationService } from './organisation.service';

class OrganisationProviderPipe implements PipeTransform<unknown, OrganisationProviderId> {
  transform(value: unknown): OrganisationProviderId {
    const parsed = organisationProviderSchema.safeParse(value);
    if (!parsed.success) throw invalidField('provider', `must be one of ${ORGANISATION_PROVIDERS.join(', ')}`);
    return parsed.data;
  }
}
const provider = new OrganisationProviderPipe();
const text = (value: unknown) => (typeof value === 'string' ? value : undefined);

@ApiTags('admin')
@ApiBearerAuth()
@Roles('ADMIN')
@Controller('admin/organisation-connections')
export class OrganisationController {
  constructor(private readonly organisation: OrganisationService) {}

  @Get()
  list(): Promise<OrganisationConnection[]> {
    return this.organisation.list();
  }

  @Get('microsoft/consent')
  consent(@CurrentUser() admin: User): Promise<AuthUrlResponse> {
    return this.organisation.consentUrl(admin.id, 'microsoft');
  }

  @Public()
  @Get('microsoft/callback')
  @Redirect()
  async callback(@Query() query: Record<string, unknown>): Promise<{ url: string; statusCode: number }> {
    const url = await this.organisation.completeConsent({
      admin_consent: text(query.admin_consent), tenant: text(query.tenant), state: text(query.state), error: text(query.error),
    });
    return { url, statusCode: 302 };
  }

  @Post('google')
  @HttpCode(200)
  connectGoogle(
    @CurrentUser() admin: User,
    @Body(new ZodValidationPipe(googleServiceAccountSchema)) body: z.output<typeof googleServiceAccountSchema>,
  ): Promise<OrganisationConnection> {
    return this.organisation.connectServiceAccount(admin, body.serviceAccountKey);
  }

  @Post(':provider/refresh')
  @HttpCode(200)
  refresh(@Param('provider', provider) id: OrganisationProviderId): Promise<OrganisationConnection> {
    return this.organisation.refresh(id);
  }

  @Delete(':provider')
  @HttpCode(204)
  async disconnect(@Param('provider', provider) id: OrganisationProviderId): Promise<void> {
    await this.organisation.disconnect(id);
  }

  @Get(':provider/technicians')
  technicians(@Param('provider', provider) id: OrganisationProviderId): Promise<OrganisationTechnician[]> {
    return this.organisation.technicians(id);
  }

  @Post(':provider/settings')
  @HttpCode(200)
  settings(
    @Param('provider', provider) id: OrganisationProviderId,
    @Body(new ZodValidationPipe(organisationSettingsSchema)) body: z.output<typeof organisationSettingsSchema>,
  ): Promise<OrganisationConnection> {
    return this.organisation.saveSettings(id, body);
  }
}
