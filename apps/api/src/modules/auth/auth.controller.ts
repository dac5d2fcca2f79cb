import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { LoginResponseDto } from '@skillgrid/shared';
import { CurrentUser, Public } from '../../common/auth/decorators';
import { SESSION_COOKIE, type SessionUser } from '../../common/auth/session-user';
import { APP_CONFIG, type AppConfig } from '../../config/env.validation';
import { AuthService } from './auth.service';
import { LoginDto } from './dto/login.dto';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private cookieOptions() {
    return { httpOnly: true, sameSite: 'strict' as const, secure: this.config.cookieSecure, path: '/' };
  }

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in; sets the session cookie (httpOnly, SameSite=Strict). Rate-limited.' })
  async login(
    @Body() dto: LoginDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<LoginResponseDto> {
    const { token, user } = await this.auth.login(dto.email, dto.password, request.ip ?? 'unknown');
    response.cookie(SESSION_COOKIE, token, { ...this.cookieOptions(), maxAge: this.config.sessionHours * 3600 * 1000 });
    return { user };
  }

  @Public()
  @Post('logout')
  @HttpCode(204)
  logout(@Res({ passthrough: true }) response: Response): void {
    response.clearCookie(SESSION_COOKIE, this.cookieOptions());
  }

  @Get('me')
  async me(@CurrentUser() user: SessionUser): Promise<LoginResponseDto> {
    return { user: await this.auth.describe(user) };
  }
}
