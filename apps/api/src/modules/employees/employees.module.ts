import { Module } from '@nestjs/common';
import { AssignmentsModule } from '../assignments/assignments.module';
import { EmployeesController, MeController } from './employees.controller';
import { EmployeesService } from './employees.service';
import { ProfileService } from './profile.service';

@Module({
  imports: [AssignmentsModule],
  controllers: [EmployeesController, MeController],
  providers: [EmployeesService, ProfileService],
  exports: [EmployeesService],
})
export class EmployeesModule {}
