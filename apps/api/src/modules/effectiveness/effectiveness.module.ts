import { Module } from '@nestjs/common';
import { EffectivenessController } from './effectiveness.controller';
import { EffectivenessService } from './effectiveness.service';

@Module({ controllers: [EffectivenessController], providers: [EffectivenessService] })
export class EffectivenessModule {}
