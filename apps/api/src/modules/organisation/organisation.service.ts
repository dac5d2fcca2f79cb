import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DEFAULT_LEVEL_LABELS, todayInTimeZone, type IsoDate, type OrganisationDto } from '@skillgrid/shared';
import { APP_CONFIG, type AppConfig } from '../../config/env.validation';
import { OrganisationSettings } from './organisation-settings.entity';
import { ProficiencyLevel } from './proficiency-level.entity';

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
  ) {}

  async settings(): Promise<Pick<OrganisationSettings, 'name' | 'timeZone' | 'currency' | 'privacyMinGroup'>> {
    const row = await this.dataSource.getRepository(OrganisationSettings).findOne({ where: { id: 1 } });
    const settings = row ?? FALLBACK;
    return { ...settings, privacyMinGroup: this.config.privacyMinGroup ?? settings.privacyMinGroup };
  }

  /** "Today" is the organisation's time zone's today. */
  async today(): Promise<IsoDate> {
    return todayInTimeZone((await this.settings()).timeZone);
  }

  async levelLabels(): Promise<Record<number, string>> {
    const levels = await this.dataSource.getRepository(ProficiencyLevel).find({ order: { level: 'ASC' } });
    return levels.length ? Object.fromEntries(levels.map((level) => [level.level, level.label])) : { ...DEFAULT_LEVEL_LABELS };
  }

  async describe(): Promise<OrganisationDto> {
    const settings = await this.settings();
    return {
      name: settings.name,
      timeZone: settings.timeZone,
      currency: settings.currency,
      privacyMinGroup: settings.privacyMinGroup,
      levelLabels: await this.levelLabels(),
      today: todayInTimeZone(settings.timeZone),
    };
  }
}
