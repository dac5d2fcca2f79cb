import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { NotificationsDto } from '@skillgrid/shared';
import { CurrentUser } from '../../common/auth/decorators';
import type { SessionUser } from '../../common/auth/session-user';
import { NotificationsService } from './notifications.service';

@ApiTags('me')
@Controller('me')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get('notifications')
  @ApiOperation({
    summary: 'Assignments due within 14 days or overdue, and credentials expiring within 90 days: mine and my reports’',
  })
  list(@CurrentUser() user: SessionUser): Promise<NotificationsDto> {
    return this.notifications.forUser(user);
  }
}
