import { createSecretKey } from 'node:crypto';
import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { APP_GUARD } from '@nestjs/core';
import { APP_CONFIG, type AppConfig } from '../../config/env.validation';
import { SessionGuard } from '../../common/auth/session.guard';
import { LoginThrottleService } from '../../common/throttling/login-throttle.service';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';

@Module({
  imports: [
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        // A key object, not the string: jsonwebtoken would otherwise try (and fail) to parse the
        // string as a public key on every request before taking it as a secret, ~1 ms each time.
        secret: createSecretKey(Buffer.from(config.jwtSecret)),
        signOptions: { expiresIn: `${config.sessionHours}h`, algorithm: 'HS256' },
        verifyOptions: { algorithms: ['HS256'] },
      }),
    }),
  ],
  controllers: [AuthController],
  providers: [AuthService, LoginThrottleService, { provide: APP_GUARD, useClass: SessionGuard }],
})
export class AuthModule {}
