import { Module } from '@nestjs/common';
import { CompletionsModule } from '../completions/completions.module';
import { OpenBadgesController } from './open-badges.controller';
import { OpenBadgesService } from './open-badges.service';
import { OpenBadgeVerifier } from './open-badge-verifier';
import { OpenBadgeSigner } from './open-badge-signer';

/** Open Badges 2.0/3.0 in (offline verification, mapping, completions) and 3.0 out (signed). */
@Module({
  imports: [CompletionsModule],
  controllers: [OpenBadgesController],
  providers: [OpenBadgesService, OpenBadgeVerifier, OpenBadgeSigner],
})
export class OpenBadgesModule {}
