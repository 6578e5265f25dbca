import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { IsOmittable, Trim } from '../../organisations/dto/optional';

/** Changes to a user by an administrator; absent properties stay as they are. */
export class UpdateUserDto {
  @ApiPropertyOptional({ minLength: 1, maxLength: 200, example: 'Jan Jansen' })
  @IsOmittable()
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  displayName?: string;

  @ApiPropertyOptional({ format: 'uuid', example: '7d6c5b4a-3e2f-4a1b-9c8d-7e6f5a4b3c2d' })
  @IsOmittable()
  @IsUUID()
  organisationId?: string;

  @ApiPropertyOptional({
    description: 'false deactivates the account and revokes all its sessions and API tokens.',
    example: true,
  })
  @IsOmittable()
  @IsBoolean()
  isActive?: boolean;

  @ApiPropertyOptional({ example: false })
  @IsOmittable()
  @IsBoolean()
  isPlatformAdmin?: boolean;
}
