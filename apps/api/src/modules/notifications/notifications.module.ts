import { Module } from '@nestjs/common';
import { AssignmentsModule } from '../assignments/assignments.module';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';

@Module({ imports: [AssignmentsModule], controllers: [NotificationsController], providers: [NotificationsService] })
export class NotificationsModule {}
