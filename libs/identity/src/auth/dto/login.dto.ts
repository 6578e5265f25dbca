import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

/**
 * Deliberately loose: any e-mail-like string and any password get the same treatment (one
 * argon2 verify, one counted failure), so validation cannot tell accounts apart either.
 */
export class LoginDto {
  @ApiProperty({
    description: 'The account e-mail address (case-insensitive).',
    maxLength: 254,
    example: 'f.elamrani@minbzk.nl',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(254)
  email!: string;

  @ApiProperty({
    description: 'The password. Never logged.',
    maxLength: 1024,
    format: 'password',
    example: 'correct horse battery staple',
  })
  @IsString()
  @IsNotEmpty()
  // A bound on the work an anonymous caller can ask of argon2.
  @MaxLength(1024)
  password!: string;
}
