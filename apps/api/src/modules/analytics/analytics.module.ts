import { Module } from '@nestjs/common';
import { AnalyticsContextService } from './analytics-context';
import { AnalyticsController, CapabilityTargetsController } from './analytics.controller';
import { AnalyticsService } from './analytics.service';
import { CapabilityTargetsService } from './capability-targets.service';
import { GapEmployeesService } from './gap-employees.service';
import { PeopleAnalyticsService } from './people-analytics.service';
import { TrendSnapshotsService } from './snapshots/trend-snapshots.service';

@Module({
  controllers: [AnalyticsController, CapabilityTargetsController],
  providers: [
    AnalyticsContextService,
    AnalyticsService,
    PeopleAnalyticsService,
    GapEmployeesService,
    CapabilityTargetsService,
    TrendSnapshotsService,
  ],
  exports: [TrendSnapshotsService],
})
export class AnalyticsModule {}
