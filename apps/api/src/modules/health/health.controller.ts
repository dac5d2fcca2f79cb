import { Controller, Get, Header } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import type { HealthDto } from '@skillgrid/shared';
import { Public } from '../../common/auth/decorators';
import { User } from '../users/user.entity';
import { MetricsService } from './metrics.service';

export const DEMO_EMAIL_DOMAIN = '@demo.skillgrid.test';

@ApiTags('health')
@Controller()
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly metrics: MetricsService,
  ) {}

  @Public()
  @Get('health')
  @ApiOperation({ summary: 'Liveness and the database in use; `demo` tells whether the demo logins exist' })
  async health(): Promise<HealthDto & { demo: boolean }> {
    await this.dataSource.query('SELECT 1');
    const demo = await this.dataSource.getRepository(User).exists({ where: { email: `hr${DEMO_EMAIL_DOMAIN}` } });
    return { status: 'ok', database: this.dataSource.options.type === 'better-sqlite3' ? 'sqlite' : 'mysql', demo };
  }

  @Public()
  @Get('metrics')
  @Header('Content-Type', 'text/plain; version=0.0.4')
  @ApiOperation({ summary: 'Prometheus metrics' })
  metricsText(): Promise<string> {
    return this.metrics.render();
  }
}
