import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { OrganisationDto } from '@skillgrid/shared';
import { OrganisationService } from './organisation.service';

@ApiTags('organisation')
@Controller('organisation')
export class OrganisationController {
  constructor(private readonly organisation: OrganisationService) {}

  @Get()
  @ApiOperation({ summary: "The organisation's name, time zone, currency, privacy threshold, level labels and today" })
  describe(): Promise<OrganisationDto> {
    return this.organisation.describe();
  }
}
