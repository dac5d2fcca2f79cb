import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

export class ImportQuery {
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'Check and count only; write nothing' })
  @IsOptional()
  @IsIn(['true', 'false'])
  dryRun?: 'true' | 'false';

  @ApiPropertyOptional({
    enum: ['true', 'false'],
    description: 'Answer 202 with a job at once (files over 50,000 rows always do)',
  })
  @IsOptional()
  @IsIn(['true', 'false'])
  async?: 'true' | 'false';
}
