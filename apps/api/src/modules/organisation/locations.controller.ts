import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import type { LocationDto, Page } from '@skillgrid/shared';
import { CurrentUser, Roles } from '../../common/auth/decorators';
import type { SessionUser } from '../../common/auth/session-user';
import { PaginationQueryDto } from '../../common/http/pagination';
import { IdPipe } from '../../common/http/params';
import { LocationsService } from './locations.service';
import { CreateLocationDto, UpdateLocationDto } from './dto/location.dto';

class ListLocationsQuery extends PaginationQueryDto {
  @ApiPropertyOptional({ description: 'Search in the name' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}

@ApiTags('locations')
@Controller('locations')
export class LocationsController {
  constructor(private readonly locations: LocationsService) {}

  @Get()
  @ApiOperation({ summary: 'Offices and countries' })
  list(@Query() query: ListLocationsQuery): Promise<Page<LocationDto>> {
    return this.locations.list(query);
  }

  @Post()
  @Roles('hr')
  create(@CurrentUser() user: SessionUser, @Body() dto: CreateLocationDto): Promise<LocationDto> {
    return this.locations.create(user, dto);
  }

  @Patch(':id')
  @Roles('hr')
  update(@CurrentUser() user: SessionUser, @Param('id', IdPipe) id: number, @Body() dto: UpdateLocationDto): Promise<LocationDto> {
    return this.locations.update(user, id, dto);
  }
}
