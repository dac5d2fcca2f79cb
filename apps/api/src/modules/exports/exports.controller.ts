import { Controller, Get, Logger, Param, Query, Res, type PipeTransform } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser, Roles } from '../../common/auth/decorators';
import type { SessionUser } from '../../common/auth/session-user';
import { DomainError } from '../../common/errors/domain-error';
import { GapsQuery, HeatmapQuery } from '../analytics/dto/analytics.query';
import { ForecastQuery } from '../forecasts/dto/forecast.query';
import { ExportsService } from './exports.service';
import { EXPORT_FORMATS, type ExportFormat, type Report } from './report';
import { writeCsv } from './writers/csv.writer';
import { writePdf } from './writers/pdf.writer';
import { writeXlsx } from './writers/xlsx.writer';

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};

/** `heatmap.csv` → csv; anything but csv, xlsx or pdf is a file that does not exist. */
class ExportFormatPipe implements PipeTransform<string, ExportFormat> {
  transform(value: string): ExportFormat {
    if ((EXPORT_FORMATS as readonly string[]).includes(value)) return value as ExportFormat;
    throw new DomainError('not_found', 'EXPORT_FORMAT_NOT_FOUND', `Exports come as ${EXPORT_FORMATS.join(', ')}, not "${value}"`);
  }
}

const FormatParam = () =>
  ApiParam({ name: 'format', enum: EXPORT_FORMATS, description: 'The file type: the extension of the path' });

/**
 * Files of the analytic views (DESIGN §4 "Exports", §6): the same filters, scoping and
 * privacy as their JSON endpoints, streamed as an attachment.
 */
@ApiTags('exports')
@Controller('exports')
@Roles('hr', 'manager', 'exec')
export class ExportsController {
  private readonly logger = new Logger('Exports');

  constructor(private readonly exports: ExportsService) {}

  @Get('heatmap.:format')
  @FormatParam()
  @ApiProduces(...Object.values(CONTENT_TYPES))
  @ApiOperation({ summary: 'The skills heatmap (the filters of GET /analytics/heatmap) as CSV, XLSX or PDF' })
  async heatmap(
    @CurrentUser() user: SessionUser,
    @Param('format', ExportFormatPipe) format: ExportFormat,
    @Query() query: HeatmapQuery,
    @Res() response: Response,
  ): Promise<void> {
    await this.send(response, await this.exports.heatmap(user, query), format);
  }

  @Get('gaps.:format')
  @FormatParam()
  @ApiProduces(...Object.values(CONTENT_TYPES))
  @ApiOperation({
    summary: 'The gap report (the filters of GET /analytics/gaps) as CSV (by skill), XLSX or PDF (by skill and the people short)',
  })
  async gaps(
    @CurrentUser() user: SessionUser,
    @Param('format', ExportFormatPipe) format: ExportFormat,
    @Query() query: GapsQuery,
    @Res() response: Response,
  ): Promise<void> {
    await this.send(response, await this.exports.gaps(user, query), format);
  }

  @Get('forecast.:format')
  @FormatParam()
  @ApiProduces(...Object.values(CONTENT_TYPES))
  @ApiOperation({
    summary: 'A skill forecast (the filters of GET /forecast) as CSV, XLSX or PDF, a scenario beside the baseline when given',
  })
  async forecast(
    @CurrentUser() user: SessionUser,
    @Param('format', ExportFormatPipe) format: ExportFormat,
    @Query() query: ForecastQuery,
    @Res() response: Response,
  ): Promise<void> {
    await this.send(response, await this.exports.forecast(user, query), format);
  }

  /**
   * Everything that can fail for a reason the caller should read (scope, validation) has
   * failed before this point; once the first byte is out, a failure can only cut the
   * download short, which the client sees as an incomplete file.
   */
  private async send(response: Response, report: Report, format: ExportFormat): Promise<void> {
    const fileName = `${report.fileName}.${format}`;
    response.status(200);
    response.setHeader('Content-Type', CONTENT_TYPES[format]);
    response.setHeader(
      'Content-Disposition',
      `attachment; filename="${fileName}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    );
    response.setHeader('Cache-Control', 'no-store');
    try {
      if (format === 'csv') await writeCsv(report, response);
      else if (format === 'xlsx') await writeXlsx(report, response);
      else await writePdf(report, response);
    } catch (error) {
      if (!response.headersSent) throw error;
      if (!response.destroyed)
        this.logger.error(`Export ${fileName} failed mid-stream`, error instanceof Error ? error.stack : String(error));
      response.destroy(error instanceof Error ? error : undefined);
    }
  }
}
