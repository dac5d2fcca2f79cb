import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { LocationDto, Page } from '@skillgrid/shared';
import { likePattern, pageWindow, toPage, SearchPageQueryDto } from '../../common/http/pagination';
import { assertNameFree } from '../../common/http/catalogue';
import { DomainError } from '../../common/errors/domain-error';
import type { SessionUser } from '../../common/auth/session-user';
import { AuditService } from '../audit/audit.service';
import { Location } from './location.entity';
import type { CreateLocationDto, UpdateLocationDto } from './dto/location.dto';

const toDto = (location: Location): LocationDto => ({ id: location.id, name: location.name, country: location.country });

@Injectable()
export class LocationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(query: SearchPageQueryDto): Promise<Page<LocationDto>> {
    const window = pageWindow(query);
    const qb = this.dataSource
      .getRepository(Location)
      .createQueryBuilder('l')
      .orderBy('l.name', 'ASC')
      .skip(window.skip)
      .take(window.pageSize);
    if (query.q) qb.andWhere("l.name_key LIKE :q ESCAPE '!'", { q: likePattern(query.q) });
    const [rows, total] = await qb.getManyAndCount();
    return toPage(rows.map(toDto), total, window);
  }

  create(user: SessionUser, dto: CreateLocationDto): Promise<LocationDto> {
    return this.dataSource.transaction(async (manager) => {
      const key = await assertNameFree(manager, Location, 'location', dto.name);
      const saved = await manager.save(
        manager.create(Location, { name: dto.name.trim(), nameKey: key, country: dto.country ?? null }),
      );
      await this.audit.record(manager, {
        userId: user.id,
        action: 'create',
        entity: 'location',
        entityId: saved.id,
        after: toDto(saved),
      });
      return toDto(saved);
    });
  }

  update(user: SessionUser, id: number, dto: UpdateLocationDto): Promise<LocationDto> {
    return this.dataSource.transaction(async (manager) => {
      const location = await manager.findOne(Location, { where: { id } });
      if (!location) throw DomainError.notFound('Location', id);
      const before = toDto(location);
      if (dto.name !== undefined) {
        location.nameKey = await assertNameFree(manager, Location, 'location', dto.name, id);
        location.name = dto.name.trim();
      }
      if (dto.country !== undefined) location.country = dto.country;
      const saved = await manager.save(location);
      await this.audit.record(manager, {
        userId: user.id,
        action: 'update',
        entity: 'location',
        entityId: id,
        before,
        after: toDto(saved),
      });
      return toDto(saved);
    });
  }
}
