import { Module } from '@nestjs/common';
import { ForecastsModule } from '../forecasts/forecasts.module';
import { ExportsController } from './exports.controller';
import { ExportsService } from './exports.service';

/** CSV, XLSX and PDF files of the heatmap, the gap report and the forecast (DESIGN §4 "Exports"). */
@Module({
  imports: [ForecastsModule],
  controllers: [ExportsController],
  providers: [ExportsService],
})
export class ExportsModule {}
