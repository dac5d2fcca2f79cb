import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import type { ApiFieldError, ForecastScenarioDto, ForecastScenarioSettings } from '@skillgrid/shared';
import type { SessionUser } from '../../common/auth/session-user';
import { DomainError } from '../../common/errors/domain-error';
import { flattenValidationErrors } from '../../common/http/validation';
import { placeholders } from '../../database/sql';
import { utcNow } from '../../database/column-types';
import { AuditService } from '../audit/audit.service';
import { ForecastScenario } from './forecast-scenario.entity';
import { ScenarioSettingsDto, type CreateScenarioDto, type UpdateScenarioDto } from './dto/scenario.dto';

const SETTING_KEYS = ['attritionRate', 'roleAttrition', 'hiring', 'budget'] as const;

/** Only the settings, in a stable shape (no undefined keys, no stray fields). */
export function normaliseSettings(raw: ForecastScenarioSettings): ForecastScenarioSettings {
  const settings: ForecastScenarioSettings = {};
  if (raw.attritionRate !== undefined && raw.attritionRate !== null) settings.attritionRate = raw.attritionRate;
  if (raw.roleAttrition?.length) settings.roleAttrition = raw.roleAttrition.map(({ roleId, rate }) => ({ roleId, rate }));
  if (raw.hiring?.length) settings.hiring = raw.hiring.map(({ roleId, month, change }) => ({ roleId, month, change }));
  if (raw.budget !== undefined && raw.budget !== null) settings.budget = raw.budget;
  return settings;
}

export function mapScenario(row: ForecastScenario): ForecastScenarioDto {
  return {
    id: row.id,
    name: row.name,
    ...(JSON.parse(row.settings) as ForecastScenarioSettings),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Named what-if scenarios, each visible to its owner only (anyone else's answers 404). */
@Injectable()
export class ScenariosService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** Parses and checks an unsaved scenario given as JSON in a query string; errors name scenario.<field>. */
  parse(json: string): ForecastScenarioSettings {
    let raw: unknown;
    try {
      raw = JSON.parse(json);
    } catch {
      throw DomainError.invalid([{ field: 'scenario', message: 'must be a JSON object' }]);
    }
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      throw DomainError.invalid([{ field: 'scenario', message: 'must be a JSON object' }]);
    }
    const unknown = Object.keys(raw).filter((key) => !(SETTING_KEYS as readonly string[]).includes(key));
    const errors: ApiFieldError[] = unknown.map((key) => ({ field: `scenario.${key}`, message: 'is not a scenario setting' }));
    const dto = plainToInstance(ScenarioSettingsDto, raw);
    errors.push(...flattenValidationErrors(validateSync(dto, { forbidUnknownValues: false }), 'scenario'));
    if (errors.length) throw DomainError.invalid(errors);
    return normaliseSettings(dto);
  }

  /** Role ids of a scenario must exist; each unknown one is named. */
  async checkRoles(settings: ForecastScenarioSettings, prefix = ''): Promise<void> {
    const refs: Array<{ field: string; roleId: number }> = [
      ...(settings.roleAttrition ?? []).map((r, i) => ({ field: `${prefix}roleAttrition[${i}].roleId`, roleId: r.roleId })),
      ...(settings.hiring ?? []).map((h, i) => ({ field: `${prefix}hiring[${i}].roleId`, roleId: h.roleId })),
    ];
    if (!refs.length) return;
    const ids = [...new Set(refs.map((r) => r.roleId))];
    const rows = (await this.dataSource.query(`SELECT id FROM roles WHERE id IN (${placeholders(ids.length)})`, ids)) as Array<{
      id: number;
    }>;
    const known = new Set(rows.map((row) => Number(row.id)));
    const errors = refs
      .filter((r) => !known.has(r.roleId))
      .map((r) => ({ field: r.field, message: `role ${r.roleId} does not exist` }));
    if (errors.length) throw DomainError.invalid(errors);
  }

  async list(user: SessionUser): Promise<ForecastScenarioDto[]> {
    const rows = await this.dataSource
      .getRepository(ForecastScenario)
      .find({ where: { userId: user.id }, order: { name: 'ASC', id: 'ASC' } });
    return rows.map(mapScenario);
  }

  async get(user: SessionUser, id: number): Promise<ForecastScenarioDto> {
    return mapScenario(await this.own(user, id));
  }

  async create(user: SessionUser, dto: CreateScenarioDto): Promise<ForecastScenarioDto> {
    const settings = normaliseSettings(dto);
    await this.checkRoles(settings);
    return this.dataSource.transaction(async (manager) => {
      const now = utcNow();
      const row = await manager.save(
        manager.create(ForecastScenario, {
          userId: user.id,
          name: dto.name.trim(),
          settings: JSON.stringify(settings),
          createdAt: now,
          updatedAt: now,
        }),
      );
      const result = mapScenario(row);
      await this.audit.record(manager, {
        userId: user.id,
        action: 'create',
        entity: 'forecast_scenario',
        entityId: row.id,
        after: result,
      });
      return result;
    });
  }

  async update(user: SessionUser, id: number, dto: UpdateScenarioDto): Promise<ForecastScenarioDto> {
    const row = await this.own(user, id);
    const before = mapScenario(row);
    const current = JSON.parse(row.settings) as ForecastScenarioSettings;
    const merged = normaliseSettings({
      attritionRate: dto.attritionRate !== undefined ? dto.attritionRate : current.attritionRate,
      roleAttrition: dto.roleAttrition !== undefined ? dto.roleAttrition : current.roleAttrition,
      hiring: dto.hiring !== undefined ? dto.hiring : current.hiring,
      budget: dto.budget !== undefined ? dto.budget : current.budget,
    });
    await this.checkRoles(merged);
    return this.dataSource.transaction(async (manager) => {
      row.name = dto.name?.trim() ?? row.name;
      row.settings = JSON.stringify(merged);
      row.updatedAt = utcNow();
      await manager.save(row);
      const result = mapScenario(row);
      await this.audit.record(manager, {
        userId: user.id,
        action: 'update',
        entity: 'forecast_scenario',
        entityId: id,
        before,
        after: result,
      });
      return result;
    });
  }

  async remove(user: SessionUser, id: number): Promise<void> {
    const row = await this.own(user, id);
    await this.dataSource.transaction(async (manager) => {
      await manager.delete(ForecastScenario, { id });
      await this.audit.record(manager, {
        userId: user.id,
        action: 'delete',
        entity: 'forecast_scenario',
        entityId: id,
        before: mapScenario(row),
      });
    });
  }

  private async own(user: SessionUser, id: number): Promise<ForecastScenario> {
    const row = await this.dataSource.getRepository(ForecastScenario).findOne({ where: { id, userId: user.id } });
    if (!row)
      throw new DomainError('not_found', 'FORECAST_SCENARIO_NOT_FOUND', `Scenario ${id} not found`, [
        { field: 'scenarioId', message: `scenario ${id} not found` },
      ]);
    return row;
  }
}
