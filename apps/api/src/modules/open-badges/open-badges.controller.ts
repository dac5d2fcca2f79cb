import { Body, Controller, Get, HttpCode, Param, Post, Query, Req, Res, UploadedFiles, UseInterceptors } from '@nestjs/common';
import { FileFieldsInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { OpenBadgeImportDto, OpenBadgeImportResultDto, OpenBadgeVerificationDto, Page } from '@skillgrid/shared';
import { CurrentUser, Public, Roles } from '../../common/auth/decorators';
import type { SessionUser } from '../../common/auth/session-user';
import { IdPipe } from '../../common/http/params';
import { ImportOpenBadgeQuery, ListOpenBadgeImportsQuery, MapOpenBadgeDto } from './dto/open-badges.dto';
import { OpenBadgesService } from './open-badges.service';
import { OpenBadgeSigner } from './open-badge-signer';
import { readBadgeUpload, type BadgeFiles } from './badge-upload';

const UPLOAD_FIELDS = [
  { name: 'file', maxCount: 1 },
  { name: 'badgeClass', maxCount: 1 },
  { name: 'issuer', maxCount: 1 },
];
/** A badge is a small JSON document; embedded images make it bigger, never this big. */
const UPLOAD_LIMITS = { limits: { fileSize: 1_000_000, files: 3, fields: 5, fieldSize: 1_000_000 } };

const BADGE_BODY = {
  description:
    'The OB 3.0 credential or OB 2.0 assertion as the JSON body; or { credential, badgeClass?, issuer?, employeeId? }; ' +
    'or multipart/form-data with the file "file" (and "badgeClass", "issuer" for an OB 2.0 assertion that only links them).',
  schema: { type: 'object' as const },
};

@ApiTags('open-badges')
@Controller()
export class OpenBadgesController {
  constructor(
    private readonly openBadges: OpenBadgesService,
    private readonly signer: OpenBadgeSigner,
  ) {}

  @Post('imports/open-badges')
  @Roles('hr', 'manager', 'employee')
  @UseInterceptors(FileFieldsInterceptor(UPLOAD_FIELDS, UPLOAD_LIMITS))
  @ApiConsumes('application/json', 'multipart/form-data')
  @ApiBody(BADGE_BODY)
  @ApiOperation({
    summary: 'Import an Open Badge (your own; HR and managers: for an employee in scope)',
    description:
      'Verifies it offline and answers { verified, checks: [{ name, passed, message }], completion, import, outcome }: ' +
      '201 recorded (valid, or pending for HR when it cannot be fully verified offline or maps to no credential), ' +
      '200 when imported before, 422 with the checks when refused (nothing written).',
  })
  async importBadge(
    @CurrentUser() user: SessionUser,
    @Req() request: Request,
    @Body() body: unknown,
    @UploadedFiles() files: BadgeFiles | undefined,
    @Query() query: ImportOpenBadgeQuery,
    @Res({ passthrough: true }) response: Response,
  ): Promise<OpenBadgeImportResultDto | (OpenBadgeImportResultDto & { statusCode: number; code: string })> {
    const upload = readBadgeUpload(request, body, files);
    const answer = await this.openBadges.importBadge(user, upload.input, query.employeeId ?? upload.employeeId);
    response.status(answer.status);
    return answer.status === 422 ? { statusCode: 422, code: 'BADGE_REFUSED', ...answer.body } : answer.body;
  }

  @Post('open-badges/verify')
  @Public()
  @HttpCode(200)
  @UseInterceptors(FileFieldsInterceptor(UPLOAD_FIELDS, UPLOAD_LIMITS))
  @ApiConsumes('application/json', 'multipart/form-data')
  @ApiBody(BADGE_BODY)
  @ApiOperation({
    summary: 'Verify a pasted Open Badge (no sign-in; nothing is stored)',
    description: 'Answers { verified, checks, badge }; verified is true only when every check passed.',
  })
  verify(
    @Req() request: Request,
    @Body() body: unknown,
    @UploadedFiles() files: BadgeFiles | undefined,
  ): Promise<OpenBadgeVerificationDto> {
    return this.openBadges.verify(readBadgeUpload(request, body, files).input);
  }

  @Get('open-badges/issuer')
  @Public()
  @ApiOperation({ summary: "The organisation's Open Badges issuer key (did:key); the private key never leaves the server" })
  async issuer(): Promise<{ id: string; verificationMethod: string; publicKeyMultibase: string }> {
    const key = await this.signer.issuerKey();
    return { id: key.did, verificationMethod: key.verificationMethod, publicKeyMultibase: key.publicKeyMultibase };
  }

  @Get('open-badges/imports')
  @Roles('hr', 'manager', 'employee')
  @ApiOperation({
    summary: 'Imported Open Badges in your scope (employees: their own), with their status',
    description:
      'Newest first. status=pending&mapped=false lists the badges waiting for HR to map them to a catalogue credential; ' +
      'each unmapped badge comes with its alignments, checks and suggested credentials.',
  })
  list(@CurrentUser() user: SessionUser, @Query() query: ListOpenBadgeImportsQuery): Promise<Page<OpenBadgeImportDto>> {
    return this.openBadges.list(user, query);
  }

  @Post('open-badges/imports/:id/map')
  @Roles('hr')
  @HttpCode(200)
  @ApiOperation({ summary: 'Map a pending badge to a catalogue credential (it becomes a completion; valid if it verified)' })
  map(
    @CurrentUser() user: SessionUser,
    @Param('id', IdPipe) id: number,
    @Body() dto: MapOpenBadgeDto,
  ): Promise<OpenBadgeImportDto> {
    return this.openBadges.map(user, id, dto.credentialId);
  }

  @Get('completions/:id/open-badge')
  @Roles('hr', 'manager', 'employee')
  @ApiOperation({ summary: 'A valid completion as a signed Open Badges 3.0 credential (eddsa-rdfc-2022, did:key issuer)' })
  async download(
    @CurrentUser() user: SessionUser,
    @Param('id', IdPipe) id: number,
    @Res({ passthrough: true }) response: Response,
  ): Promise<Record<string, unknown>> {
    const { fileName, credential } = await this.openBadges.download(user, id);
    response.setHeader('Content-Disposition', `attachment; filename="${fileName}"`);
    return credential;
  }
}
