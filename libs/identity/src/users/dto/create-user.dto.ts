import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsEmail, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { IsOmittable, Trim } from '../../organisations/dto/optional';
import { NewPassword } from './password';

export class CreateUserDto {
  @ApiProperty({
    format: 'email',
    maxLength: 254,
    description: 'Unique, case-insensitively; stored in lower case.',
    example: 'j.jansen@vng.nl',
  })
  @Trim()
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @ApiProperty({ minLength: 1, maxLength: 200, example: 'Jan Jansen' })
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  displayName!: string;

  @ApiProperty({
    format: 'uuid',
    description: 'The organisation the user works for.',
    example: '7d6c5b4a-3e2f-4a1b-9c8d-7e6f5a4b3c2d',
  })
  @IsUUID()
  organisationId!: string;

  @ApiPropertyOptional({ default: false, example: false })
  @IsOmittable()
  @IsBoolean()
  isPlatformAdmin?: boolean;

  @NewPassword('An initial password. Without one the user cannot sign in until one is set.', {
    required: false,
  })
  @IsOmittable()
  password?: string;
}
