import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  DEFAULT_LEVEL_LABELS,
  todayInTimeZone,
  type ApiFieldError,
  type IsoDate,
  type OrganisationDto,
  type ProficiencyLevelDto,
} from '@skillgrid/shared';
import type { SessionUser } from '../../common/auth/session-user';
import type { SqlRunner } from '../../database/sql';
import { DomainError } from '../../common/errors/domain-error';
import { AuditService } from '../audit/audit.service';
import { APP_CONFIG, type AppConfig } from '../../config/env.validation';
import { OrganisationSettings } from './organisation-settings.entity';
import { ProficiencyLevel } from './proficiency-level.entity';
import type { UpdateLevelLabelsDto } from './dto/level-labels.dto';

const FALLBACK: Pick<OrganisationSettings, 'name' | 'timeZone' | 'currency' | 'privacyMinGroup'> = {
  name: 'Skillgrid',
  timeZone: 'UTC',
  currency: 'EUR',
  privacyMinGroup: 5,
};

@Injectable()
export class OrganisationService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
  ) {}

  async settings(): Promise<Pick<OrganisationSettings, 'name' | 'timeZone' | 'currency' | 'privacyMinGroup'>> {
    const row = await this.dataSource.getRepository(OrganisationSettings).findOne({ where: { id: 1 } });
    const settings = row ?? FALLBACK;
    return { ...settings, privacyMinGroup: this.config.privacyMinGroup ?? settings.privacyMinGroup };
  }

  /**
   * "Today" is the organisation's time zone's today. Read on `sql` when given: a pipeline
   * (database/pipeline.ts) sends the read with the statements queued beside it.
   */
  async today(sql: SqlRunner = this.dataSource): Promise<IsoDate> {
    const [row] = (await sql.query('SELECT time_zone FROM organisation_settings WHERE id = 1')) as Array<{ time_zone: string }>;
    return todayInTimeZone(row?.time_zone ?? FALLBACK.timeZone);
  }

  /** The five levels with their labels; the default labels where none is stored. */
  async levels(manager = this.dataSource.manager): Promise<ProficiencyLevelDto[]> {
    const stored = new Map((await manager.find(ProficiencyLevel)).map((row) => [row.level, row]));
    return [1, 2, 3, 4, 5].map((level) => ({
      level,
      label: stored.get(level)?.label ?? DEFAULT_LEVEL_LABELS[level],
      description: stored.get(level)?.description ?? null,
    }));
  }

  async levelLabels(): Promise<Record<number, string>> {
    return Object.fromEntries((await this.levels()).map((level) => [level.level, level.label]));
  }

  async describe(): Promise<OrganisationDto> {
    const settings = await this.settings();
    const levels = await this.levels();
    return {
      name: settings.name,
      timeZone: settings.timeZone,
      currency: settings.currency,
      privacyMinGroup: settings.privacyMinGroup,
      levelLabels: Object.fromEntries(levels.map((level) => [level.level, level.label])),
      levels,
      today: todayInTimeZone(settings.timeZone),
    };
  }

  /** HR renames the levels (the numbers 1..5 are fixed): all five at once, labels distinct. */
  async updateLevels(user: SessionUser, dto: UpdateLevelLabelsDto): Promise<OrganisationDto> {
    const errors: ApiFieldError[] = [];
    const seenLevels = new Set<number>();
    const seenLabels = new Map<string, number>();
    dto.levels.forEach((item, index) => {
      if (seenLevels.has(item.level))
        errors.push({ field: `levels[${index}].level`, message: `Level ${item.level} is listed twice` });
      seenLevels.add(item.level);
      const key = item.label.trim().toLowerCase();
      const other = seenLabels.get(key);
      if (!key) errors.push({ field: `levels[${index}].label`, message: 'must not be blank' });
      else if (other !== undefined)
        errors.push({
          field: `levels[${index}].label`,
          message: `"${item.label.trim()}" is already the label of level ${other}`,
        });
      else seenLabels.set(key, item.level);
    });
    if (errors.length) throw DomainError.invalid(errors);
    await this.dataSource.transaction(async (manager) => {
      const before = await this.levels(manager);
      const rows = dto.levels.map((item) => ({
        level: item.level,
        label: item.label.trim(),
        description: item.description?.trim() || null,
      }));
      await manager.upsert(ProficiencyLevel, rows, ['level']);
      await this.audit.record(manager, { userId: user.id, action: 'update', entity: 'proficiency_levels', before, after: rows });
    });
    return this.describe();
  }
}
