// The private ICS feed's HTTP surface: the person's own switch (GET status, POST to turn on
// or regenerate, DELETE to turn off) and the public feed URL, where the token in the path
// is the only credential (calendar apps cannot send our bearer token).
import { Controller, Delete, Get, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { IcsFeedCreated, IcsFeedStatus, User } from '@fs/contracts';
import type { Request, Response } from 'express';
import { CurrentUser, Public } from '../auth/auth.decorators';
import { matchesIfNoneMatch } from './ics-feed.builder';
import { IcsFeedService } from './ics-feed.service';

@ApiTags('ics-feed')
@Controller('ics-feed')
export class IcsFeedController {
  constructor(private readonly feeds: IcsFeedService) {}

  @Get()
  @ApiBearerAuth()
  status(@CurrentUser() user: User): Promise<IcsFeedStatus> {
    return this.feeds.status(user.id);
  }

  @Post()
  @ApiBearerAuth()
  @HttpCode(201)
  regenerate(@CurrentUser() user: User, @Req() request: Request): Promise<IcsFeedCreated> {
    return this.feeds.regenerate(user.id, `${request.protocol}://${request.get('host')}`);
  }

  @Delete()
  @ApiBearerAuth()
  @HttpCode(204)
  disable(@CurrentUser() user: User): Promise<void> {
    return this.feeds.disable(user.id);
  }

  @Public()
  @Get(':token.ics')
  async feed(@Param('token') token: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    const { body, etag } = await this.feeds.render(token);
    // Personal data: caches may keep it only for this client, and must ask before reuse.
    response.set({ ETag: etag, 'Cache-Control': 'private, no-cache' });
    if (matchesIfNoneMatch(request.get('if-none-match'), etag)) {
      response.status(304).end();
      return;
    }
    response.status(200).type('text/calendar; charset=utf-8').send(body);
  }
}
