import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import { ASSIGNMENT_STATUSES, type AssignmentStatus, type IsoDate } from '@skillgrid/shared';
import { PaginationQueryDto } from '../../../common/http/pagination';
import { IsIsoDate } from '../../../common/http/is-iso-date';

/** The most people one request may assign to (a whole team goes through teamId instead). */
export const MAX_ASSIGNEES = 5000;

export class ListAssignmentsQuery extends PaginationQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  employeeId?: number;

  @ApiPropertyOptional({ description: 'Everyone in this team and its sub-teams' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  teamId?: number;

  @ApiPropertyOptional({ enum: ASSIGNMENT_STATUSES, description: 'Derived status (DESIGN §2)' })
  @IsOptional()
  @IsIn(ASSIGNMENT_STATUSES)
  status?: AssignmentStatus;

  @ApiPropertyOptional({ enum: ['soon', 'overdue'], description: 'Open assignments due within 14 days, or past due' })
  @IsOptional()
  @IsIn(['soon', 'overdue'])
  due?: 'soon' | 'overdue';

  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  clusterId?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  credentialId?: number;
}

export class CreateAssignmentsDto {
  @ApiPropertyOptional({ type: [Number], description: 'The people to assign to (or give teamId)' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_ASSIGNEES)
  @IsInt({ each: true })
  @Min(1, { each: true })
  employeeIds?: number[];

  @ApiPropertyOptional({ description: 'Instead of employeeIds: every active member of this team and its sub-teams' })
  @IsOptional()
  @IsInt()
  @Min(1)
  teamId?: number;

  @ApiPropertyOptional({ description: 'With teamId: only the members in this role' })
  @IsOptional()
  @IsInt()
  @Min(1)
  roleId?: number;

  @ApiPropertyOptional({ description: 'The cluster to assign (or credentialId)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  clusterId?: number;

  @ApiPropertyOptional({ description: 'One credential to assign (or clusterId)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  credentialId?: number;

  @ApiProperty({ example: '2027-03-31', description: 'Today or later, in the organisation’s time zone' })
  @IsIsoDate()
  dueDate!: IsoDate;

  @ApiPropertyOptional({ maxLength: 1000 })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;
}

export class UpdateAssignmentDto {
  @ApiPropertyOptional({ description: 'A new due date: today or later' })
  @IsOptional()
  @IsIsoDate()
  dueDate?: IsoDate;

  @ApiPropertyOptional({ nullable: true, maxLength: 1000 })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string | null;
}
