import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  MaxLength,
  Min,
} from 'class-validator';
import { CATALOGUE_STATUSES, CLUSTER_PURPOSES, type CatalogueStatus, type ClusterPurpose } from '@skillgrid/shared';
import { SearchPageQueryDto } from '../../../common/http/pagination';

export class CreateClusterDto {
  @ApiProperty({ maxLength: 200, example: 'Data engineering foundations' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiProperty({ enum: CLUSTER_PURPOSES })
  @IsIn(CLUSTER_PURPOSES)
  purpose!: ClusterPurpose;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  description?: string | null;

  @ApiPropertyOptional({ nullable: true, description: 'The role (or career-goal role) the cluster prepares for' })
  @IsOptional()
  @IsInt()
  @Min(1)
  targetRoleId?: number | null;

  @ApiProperty({ type: [Number], description: 'Credential ids, in order' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsInt({ each: true })
  @Min(1, { each: true })
  credentialIds!: number[];
}

export class UpdateClusterDto {
  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ enum: CLUSTER_PURPOSES })
  @IsOptional()
  @IsIn(CLUSTER_PURPOSES)
  purpose?: ClusterPurpose;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  description?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  targetRoleId?: number | null;

  @ApiPropertyOptional({ enum: CATALOGUE_STATUSES })
  @IsOptional()
  @IsIn(CATALOGUE_STATUSES)
  status?: CatalogueStatus;

  @ApiPropertyOptional({ type: [Number], description: 'Replaces the ordered credentials when given' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsInt({ each: true })
  @Min(1, { each: true })
  credentialIds?: number[];
}

export class ListClustersQuery extends SearchPageQueryDto {
  @ApiPropertyOptional({ enum: CLUSTER_PURPOSES })
  @IsOptional()
  @IsIn(CLUSTER_PURPOSES)
  purpose?: ClusterPurpose;

  @ApiPropertyOptional({ enum: CATALOGUE_STATUSES })
  @IsOptional()
  @IsIn(CATALOGUE_STATUSES)
  status?: CatalogueStatus;
}
