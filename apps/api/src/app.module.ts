import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig } from './config/env.validation';
import { dataSourceOptions, resolveDatabase } from './database/data-source';
import { PipelinedTransactions } from './database/pipeline';
import { AllExceptionsFilter } from './common/errors/all-exceptions.filter';
import { AuditModule } from './modules/audit/audit.module';
import { ScopeModule } from './modules/scope/scope.module';
import { OrganisationModule } from './modules/organisation/organisation.module';
import { AuthModule } from './modules/auth/auth.module';
import { HealthModule } from './modules/health/health.module';
import { TeamsModule } from './modules/teams/teams.module';
import { RolesModule } from './modules/roles/roles.module';
import { SkillsModule } from './modules/skills/skills.module';
import { CredentialsModule } from './modules/credentials/credentials.module';
import { ClustersModule } from './modules/clusters/clusters.module';
import { EmployeesModule } from './modules/employees/employees.module';
import { CompletionsModule } from './modules/completions/completions.module';
import { AssignmentsModule } from './modules/assignments/assignments.module';
import { AnalyticsModule } from './modules/analytics/analytics.module';
import { RecommendationsModule } from './modules/recommendations/recommendations.module';
import { EffectivenessModule } from './modules/effectiveness/effectiveness.module';
import { NotificationsModule } from './modules/notifications/notifications.module';
import { ForecastsModule } from './modules/forecasts/forecasts.module';
import { OpenBadgesModule } from './modules/open-badges/open-badges.module';
import { ExportsModule } from './modules/exports/exports.module';
import { ImportsModule } from './modules/imports/imports.module';

@Module({})
export class AppModule {
  /** The whole API for a validated configuration (main.ts and the HTTP tests both use this). */
  static register(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [
        TypeOrmModule.forRootAsync({ useFactory: async () => dataSourceOptions(await resolveDatabase(config.database)) }),
        AuditModule,
        ScopeModule,
        OrganisationModule,
        AuthModule,
        HealthModule,
        TeamsModule,
        RolesModule,
        SkillsModule,
        CredentialsModule,
        ClustersModule,
        EmployeesModule,
        CompletionsModule,
        AssignmentsModule,
        AnalyticsModule,
        RecommendationsModule,
        EffectivenessModule,
        NotificationsModule,
        ForecastsModule,
        // Before ImportsModule: its POST imports/:entity would otherwise take imports/open-badges.
        OpenBadgesModule,
        ExportsModule,
        ImportsModule,
      ],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: APP_FILTER, useClass: AllExceptionsFilter },
        PipelinedTransactions,
      ],
      exports: [APP_CONFIG, PipelinedTransactions],
    };
  }
}
