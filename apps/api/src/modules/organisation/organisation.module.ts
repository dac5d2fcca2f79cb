import { Global, Module } from '@nestjs/common';
import { OrganisationController } from './organisation.controller';
import { OrganisationService } from './organisation.service';
import { LocationsController } from './locations.controller';
import { LocationsService } from './locations.service';

@Global()
@Module({
  controllers: [OrganisationController, LocationsController],
  providers: [OrganisationService, LocationsService],
  exports: [OrganisationService],
})
export class OrganisationModule {}
