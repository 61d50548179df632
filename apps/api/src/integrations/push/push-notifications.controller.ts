// Public endpoints the providers post push notifications to (no bearer token: the per-channel
// secret is the proof; the coarse per-address limit of throttling/public-rate-limit.ts applies).
// Thin: parse, hand to PushNotificationsService, answer at once (202). Graph's validation
// handshake (`?validationToken=`) is answered by echoing the decoded token as text/plain.
// In the OpenAPI document (tag "push notifications") with what the providers send: an
// integrator checking a proxy in front of the API needs the headers and the handshake.
import { applyDecorators, Body, Controller, Headers, HttpCode, Post, Query, Res } from '@nestjs/common';
import { ApiBody, ApiHeader, ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { GOOGLE_RESOURCE_STATES, GRAPH_LIFECYCLE_EVENTS, googleNotificationSchema, graphNotificationsSchema } from '@fs/contracts';
import { Public } from '../../auth/auth.decorators';
import { apiError, openApiSchema } from '../../common/openapi-schema';
import { ZodValidationPipe } from '../../common/zod-validation.pipe';
import { PushNotificationsService } from './push-notifications.service';

const googleHeaders = new ZodValidationPipe(googleNotificationSchema);
const graphBody = new ZodValidationPipe(graphNotificationsSchema);

const ACCEPTED =
  'Taken: a notification whose channel id and secret match a live channel makes that calendar\'s pull due now. ' +
  'A forged one (wrong secret, unknown or stopped channel) is answered the same and changes nothing.';
const MALFORMED = 'VALIDATION_FAILED: a field is missing or too long (named in `fields`).';
const LIMITED = 'TOO_MANY_ATTEMPTS: over PUBLIC_RATE_LIMIT_PER_MINUTE from this address (Retry-After).';

/** Graph's two routes: the validation handshake, or a `{"value": [...]}` body. */
const graphRoute = (summary: string, what: string) =>
  applyDecorators(
    ApiOperation({
      summary,
      description:
        `Called by Microsoft Graph (no bearer token). ${what} When Graph creates or renews the subscription it first posts ` +
        'with `?validationToken=` and no body: the answer is 200 text/plain with the decoded token as the whole body. ' +
        'Otherwise the body lists notifications; each is checked by its `subscriptionId` and `clientState` (the per-subscription secret).',
    }),
    ApiQuery({ name: 'validationToken', required: false, description: 'Graph\'s handshake: echoed back (at most 1024 characters).', schema: { type: 'string', maxLength: 1024 } }),
    ApiBody({ required: false, description: 'Absent for the handshake. Unknown fields (changeType, resource...) are ignored.', schema: openApiSchema(graphNotificationsSchema, 'input') }),
    ApiResponse({ status: 200, description: 'The handshake: the validation token, decoded.', content: { 'text/plain': { schema: { type: 'string' } } } }),
    ApiResponse({ status: 202, description: ACCEPTED }),
    ApiResponse(apiError(400, MALFORMED)),
    ApiResponse(apiError(429, LIMITED)),
  );

@ApiTags('push notifications')
@Public()
@Controller('notifications')
export class PushNotificationsController {
  constructor(private readonly notifications: PushNotificationsService) {}

  @Post('google')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Google Calendar push notification (events.watch channel)',
    description: 'Called by Google (no bearer token, no body): the X-Goog-* headers say which channel and carry its secret. `sync` (the channel\'s first message) causes no pull.',
  })
  @ApiHeader({ name: 'X-Goog-Channel-ID', required: true, description: 'Our channel id, as given to events.watch.', schema: { type: 'string', minLength: 1, maxLength: 256 } })
  @ApiHeader({ name: 'X-Goog-Channel-Token', required: false, description: 'The channel\'s secret, as given to events.watch.', schema: { type: 'string', maxLength: 256 } })
  @ApiHeader({ name: 'X-Goog-Resource-State', required: true, description: `What happened: ${GOOGLE_RESOURCE_STATES.join(', ')}.`, schema: { type: 'string', maxLength: 64 } })
  @ApiResponse({ status: 202, description: ACCEPTED })
  @ApiResponse(apiError(400, MALFORMED))
  @ApiResponse(apiError(429, LIMITED))
  async google(
    @Headers('x-goog-channel-id') channelId: string | undefined,
    @Headers('x-goog-channel-token') token: string | undefined,
    @Headers('x-goog-resource-state') resourceState: string | undefined,
  ): Promise<void> {
    await this.notifications.google(googleHeaders.transform({ channelId, token, resourceState }));
  }

  @Post('microsoft')
  @graphRoute('Microsoft Graph change notifications (calendar subscription)', 'A change in the subscribed calendar (`created`, `updated`, `deleted`).')
  async microsoft(@Query('validationToken') validationToken: unknown, @Body() body: unknown, @Res() response: Response): Promise<void> {
    if (echoValidation(validationToken, response)) return;
    await this.notifications.microsoft(graphBody.transform(body).value);
    response.status(202).end();
  }

  @Post('microsoft/lifecycle')
  @graphRoute('Microsoft Graph lifecycle notifications (the subscription\'s lifecycleNotificationUrl)', `About the subscription itself: \`lifecycleEvent\` is one of ${GRAPH_LIFECYCLE_EVENTS.join(', ')}.`)
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
