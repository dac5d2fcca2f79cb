import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import type { LoginRequestDto } from '@skillgrid/shared';

export class LoginDto implements LoginRequestDto {
  @ApiProperty({ example: 'hr@demo.skillgrid.test' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(254)
  email!: string;

  @ApiProperty({ example: 'skillgrid-demo' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  password!: string;
}
