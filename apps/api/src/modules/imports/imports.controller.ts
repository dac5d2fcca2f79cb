import { rm } from 'node:fs/promises';
import { Controller, Get, HttpCode, Param, Post, Query, Res, UploadedFile, UploadedFiles, UseInterceptors } from '@nestjs/common';
import { AnyFilesInterceptor, FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { isImportEntity, TAXONOMIES, type ImportJobDto, type ImportReportDto, type Page, type Taxonomy } from '@skillgrid/shared';
import { CurrentUser, Roles } from '../../common/auth/decorators';
import type { SessionUser } from '../../common/auth/session-user';
import { DomainError } from '../../common/errors/domain-error';
import { pageWindow, PaginationQueryDto } from '../../common/http/pagination';
import { templateCsv } from './columns';
import { ImportQuery } from './dto/import-query.dto';
import { ImportsService, type StartedImport } from './imports.service';
import { DeleteUploadsOnError } from './upload-files';

/** A 422 answer carries the whole report beside the usual error fields. */
type RejectedReport = ImportReportDto & { statusCode: number; code: string; message: string };

@ApiTags('imports')
@Controller('imports')
export class ImportsController {
  constructor(private readonly imports: ImportsService) {}

  @Get('templates/:entity.csv')
  @Roles('hr')
  @ApiOperation({ summary: "An entity's CSV template: its columns and one example row" })
  template(@Param('entity') entity: string, @Res({ passthrough: true }) response: Response): string {
    const definition = this.imports.definition(entity);
    response.setHeader('Content-Type', 'text/csv; charset=utf-8');
    response.setHeader('Content-Disposition', `attachment; filename="skillgrid-${definition.entity}-template.csv"`);
    return templateCsv(definition.layouts[0], definition.example);
  }

  @Get('jobs')
  @Roles('hr')
  @ApiOperation({ summary: 'The imports, newest first: each with its status and, once finished, its report' })
  jobs(@Query() query: PaginationQueryDto): Promise<Page<ImportJobDto>> {
    return this.imports.jobs(pageWindow(query));
  }

  @Get('jobs/:id')
  @Roles('hr')
  @ApiOperation({ summary: "An import's progress (rows read, phase) and, at the end, its report" })
  job(@Param('id') id: string): Promise<ImportJobDto> {
    return this.imports.job(id);
  }

  @Post('taxonomies/:taxonomy')
  @Roles('hr')
  @HttpCode(200)
  @UseInterceptors(AnyFilesInterceptor(), DeleteUploadsOnError)
  @ApiConsumes('multipart/form-data')
  @ApiOperation({
    summary: 'Import the ESCO skills taxonomy or O*NET occupations and skills from their own files',
    description:
      'esco: transversalSkillsCollection_en.csv, digitalSkillsCollection_en.csv, skillsHierarchy_en.csv (and skillGroups_en.csv); ' +
      'onet: Occupation Data.xlsx, Skills.xlsx (and Content Model Reference.xlsx), each as a multipart file under its own name.',
  })
  async taxonomy(
    @Param('taxonomy') taxonomy: string,
    @UploadedFiles() files: Express.Multer.File[] | undefined,
    @Query() query: ImportQuery,
    @CurrentUser() user: SessionUser,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ImportReportDto | RejectedReport> {
    if (!(TAXONOMIES as readonly string[]).includes(taxonomy)) {
      await Promise.all((files ?? []).map((file) => rm(file.path, { force: true })));
      throw DomainError.notFound('Taxonomy', taxonomy);
    }
    const dryRun = query.dryRun === 'true';
    const report = await this.imports.importTaxonomy(
      taxonomy as Taxonomy,
      (files ?? []).map((file) => ({ path: file.path, originalName: file.originalname, size: file.size })),
      user,
      dryRun,
    );
    return this.answer(report, dryRun, response);
  }

  @Post(':entity')
  @Roles('hr')
  @HttpCode(200)
  @UseInterceptors(FileInterceptor('file'), DeleteUploadsOnError)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } }, required: ['file'] } })
  @ApiOperation({
    summary: 'Import a CSV or XLSX file (dryRun=true: check and count only)',
    description:
      'Answers { rows, created, updated, unchanged, errors: [{ line, field, message }] }; with errors and no dry run 422 with ' +
      'the same body and nothing written. Files over 50,000 rows, or async=true, answer 202 with a job (GET /imports/jobs/:id).',
  })
  async upload(
    @Param('entity') entity: string,
    @UploadedFile() file: Express.Multer.File | undefined,
    @Query() query: ImportQuery,
    @CurrentUser() user: SessionUser,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ImportReportDto | RejectedReport | ImportJobDto> {
    const dryRun = query.dryRun === 'true';
    // Until the pipeline owns the upload, a refusal must not leave it in the temporary folder.
    let started: StartedImport;
    try {
      if (!isImportEntity(entity)) throw DomainError.notFound('Import', entity);
      if (!file)
        throw DomainError.invalid([{ field: 'file', message: 'attach the CSV or XLSX file as the multipart field "file"' }]);
      started = await this.imports.start(entity, { path: file.path, originalName: file.originalname, size: file.size }, user, {
        dryRun,
      });
    } catch (error) {
      if (file) await rm(file.path, { force: true });
      throw error;
    }
    const outcome = query.async === 'true' ? null : await Promise.race([started.finished, started.large.then(() => null)]);
    if (outcome === null) {
      response.status(202);
      return this.imports.job(started.job.id);
    }
    return this.answer(outcome, dryRun, response);
  }

  /** 200 with the report; 422 with it when a real run found errors (and wrote nothing). */
  private answer(report: ImportReportDto, dryRun: boolean, response: Response): ImportReportDto | RejectedReport {
    if (!report.errorCount || dryRun) return report;
    response.status(422);
    return {
      statusCode: 422,
      code: 'IMPORT_REJECTED',
      message: `${report.errorCount} error(s) in the file; nothing was imported`,
      ...report,
    };
  }
}
