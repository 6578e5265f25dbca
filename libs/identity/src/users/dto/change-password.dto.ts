import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { NewPassword } from './password';

export class ChangePasswordDto {
  @ApiProperty({
    format: 'password',
    writeOnly: true,
    maxLength: 1024,
    example: 'Gemeentefonds-Stabiel-2026',
  })
  @IsString()
  // Generous (an old password may predate today's limit), but bounded: argon2 hashes it.
  @MaxLength(1024)
  currentPassword!: string;

  @NewPassword('The new password.')
  newPassword!: string;
}
