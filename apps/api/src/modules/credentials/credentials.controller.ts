import { Body, Controller, Delete, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CredentialDto, Page } from '@skillgrid/shared';
import { CurrentUser, Roles } from '../../common/auth/decorators';
import type { SessionUser } from '../../common/auth/session-user';
import { IdPipe } from '../../common/http/params';
import { CredentialsService } from './credentials.service';
import { CreateCredentialDto, ListCredentialsQuery, UpdateCredentialDto } from './dto/credential.dto';

@ApiTags('credentials')
@Controller('credentials')
export class CredentialsController {
  constructor(private readonly credentials: CredentialsService) {}

  @Get()
  @ApiOperation({ summary: 'The micro-credential catalogue, with the skills each grants' })
  list(@Query() query: ListCredentialsQuery): Promise<Page<CredentialDto>> {
    return this.credentials.list(query);
  }

  @Get(':id')
  get(@Param('id', IdPipe) id: number): Promise<CredentialDto> {
    return this.credentials.get(id);
  }

  @Post()
  @Roles('hr')
  create(@CurrentUser() user: SessionUser, @Body() dto: CreateCredentialDto): Promise<CredentialDto> {
    return this.credentials.create(user, dto);
  }

  @Patch(':id')
  @Roles('hr')
  update(
    @CurrentUser() user: SessionUser,
    @Param('id', IdPipe) id: number,
    @Body() dto: UpdateCredentialDto,
  ): Promise<CredentialDto> {
    return this.credentials.update(user, id, dto);
  }

  @Delete(':id')
  @Roles('hr')
  @ApiOperation({ summary: 'Retire a credential (old completions still count)' })
  retire(@CurrentUser() user: SessionUser, @Param('id', IdPipe) id: number): Promise<CredentialDto> {
    return this.credentials.update(user, id, { status: 'retired' });
  }
}
