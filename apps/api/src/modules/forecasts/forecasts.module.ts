import { Module } from '@nestjs/common';
import { ForecastsController } from './forecasts.controller';
import { ForecastsService } from './forecasts.service';
import { ScenariosService } from './scenarios.service';

@Module({
  controllers: [ForecastsController],
  providers: [ForecastsService, ScenariosService],
  exports: [ForecastsService],
})
export class ForecastsModule {}
