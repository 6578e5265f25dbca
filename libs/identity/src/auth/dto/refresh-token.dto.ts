import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

/** A refresh token in a body: tokens never travel in a URL (DESIGN §4). */
export class RefreshTokenDto {
  @ApiProperty({
    description: 'The refresh token from the log-in or the last refresh.',
    maxLength: 200,
    example: 'sbr_3q2-7wEYnB8h0k1mZ4sUuXnS3tq0o8GgD6cYk5dPpVw',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  refreshToken!: string;
}
