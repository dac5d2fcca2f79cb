import { InitialSchema1795910400000 } from './1795910400000-InitialSchema';
import { EmployeeNameIndex1795996800000 } from './1795996800000-EmployeeNameIndex';
import { SkillState1796083200000 } from './1796083200000-SkillState';
import { EmploymentPeriodTeamIndex1796169600000 } from './1796169600000-EmploymentPeriodTeamIndex';
import { ExpiryStats1796256000000 } from './1796256000000-ExpiryStats';
import { ImportJobs1797000000000 } from './1797000000000-ImportJobs';
import { OpenBadgesKeys1797100000000 } from './1797100000000-OpenBadgesKeys';
import { ForecastScenarios1797200000000 } from './1797200000000-ForecastScenarios';
import { ForecastStats1797300000000 } from './1797300000000-ForecastStats';
import { AssignmentProgress1797400000000 } from './1797400000000-AssignmentProgress';
import { TrendSnapshots1797450000000 } from './1797450000000-TrendSnapshots';
import { AnalyticsSwap1797500000000 } from './1797500000000-AnalyticsSwap';

/** Listed explicitly: the bundled app cannot follow a glob. Append new migrations in order. */
export const MIGRATIONS = [
  InitialSchema1795910400000,
  EmployeeNameIndex1795996800000,
  SkillState1796083200000,
  EmploymentPeriodTeamIndex1796169600000,
  ExpiryStats1796256000000,
  ImportJobs1797000000000,
  OpenBadgesKeys1797100000000,
  ForecastScenarios1797200000000,
  ForecastStats1797300000000,
  AssignmentProgress1797400000000,
  TrendSnapshots1797450000000,
  AnalyticsSwap1797500000000,
];
