import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { OrganisationDto } from '@skillgrid/shared';
import { CurrentUser, Roles } from '../../common/auth/decorators';
import type { SessionUser } from '../../common/auth/session-user';
import { UpdateLevelLabelsDto } from './dto/level-labels.dto';
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

  @Put('levels')
  @Roles('hr')
  @ApiOperation({ summary: 'Rename the proficiency levels 1..5 (all five at once; labels distinct)' })
  updateLevels(@CurrentUser() user: SessionUser, @Body() dto: UpdateLevelLabelsDto): Promise<OrganisationDto> {
    return this.organisation.updateLevels(user, dto);
  }
}
