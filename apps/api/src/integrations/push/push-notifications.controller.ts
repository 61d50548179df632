// Public endpoints the providers post push notifications to (no bearer token: the per-channel
// secret is the proof; the coarse per-address limit of throttling/public-rate-limit.ts applies).
// Thin: parse, hand to PushNotificationsService, answer at once (202). Graph's validation
// handshake (`?validationToken=`) is answered by echoing the decoded token as text/plain.
import { Body, Controller, Headers, HttpCode, Post, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { googleNotificationSchema, graphNotificationsSchema } from '@fs/contracts';
import { Public } from '../../auth/auth.decorators';
import { ZodValidationPipe } from '../../common/zod-validation.pipe';
import { PushNotificationsService } from './push-notifications.service';

const googleHeaders = new ZodValidationPipe(googleNotificationSchema);
const graphBody = new ZodValidationPipe(graphNotificationsSchema);

@ApiExcludeController()
@Public()
@Controller('notifications')
export class PushNotificationsController {
  constructor(private readonly notifications: PushNotificationsService) {}

  @Post('google')
  @HttpCode(202)
  async google(
    @Headers('x-goog-channel-id') channelId: string | undefined,
    @Headers('x-goog-channel-token') token: string | undefined,
    @Headers('x-goog-resource-state') resourceState: string | undefined,
  ): Promise<void> {
    await this.notifications.google(googleHeaders.transform({ channelId, token, resourceState }));
  }

  @Post('microsoft')
  async microsoft(@Query('validationToken') validationToken: unknown, @Body() body: unknown, @Res() response: Response): Promise<void> {
    if (echoValidation(validationToken, response)) return;
    await this.notifications.microsoft(graphBody.transform(body).value);
    response.status(202).end();
  }

  @Post('microsoft/lifecycle')
  async microsoftLifecycle(@Query('validationToken') validationToken: unknown, @Body() body: unknown, @Res() response: Response): Promise<void> {
    if (echoValidation(validationToken, response)) return;
    await this.notifications.microsoftLifecycle(graphBody.transform(body).value);
    response.status(202).end();
  }
}

/** Graph's handshake: 200, text/plain, the URL-decoded token as the whole body. */
function echoValidation(token: unknown, response: Response): boolean {
  if (typeof token !== 'string' || token === '' || token.length > 1024) return false;
  response.status(200).type('text/plain').send(token);
  return true;
}
