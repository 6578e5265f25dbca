import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsBoolean, IsIn } from 'class-validator';
import { IsNullable } from '@app/core';
import {
  type Language,
  LANGUAGES,
  NOTIFICATION_KINDS,
  type NotificationKind,
} from '../../notification-kinds';

/** PUT /me/notification-preferences: all of them, every time. */
export class NotificationPreferencesDto {
  @ApiProperty({
    enum: [...NOTIFICATION_KINDS],
    enumName: 'NotificationKind',
    isArray: true,
    description: 'The kinds you also want by e-mail; the others stay in the app only.',
  })
  @IsArray()
  @ArrayMaxSize(NOTIFICATION_KINDS.length)
  @ArrayUnique()
  @IsIn(NOTIFICATION_KINDS, { each: true })
  emailKinds!: NotificationKind[];

  @ApiProperty({
    type: Boolean,
    nullable: true,
    description:
      "true: one e-mail a day listing everything; false: one e-mail each; null: as the programme's reminder policy says.",
    example: true,
  })
  @IsNullable({ required: true })
  @IsBoolean()
  digest!: boolean | null;

  @ApiProperty({ enum: [...LANGUAGES], description: 'The language notifications come in first.' })
  @IsIn(LANGUAGES)
  language!: Language;
}

export class NotificationPreferencesResponse extends NotificationPreferencesDto {
  @ApiProperty({
    format: 'date-time',
    nullable: true,
    type: String,
    description: 'null: the defaults.',
    example: '2026-10-12T14:22:09.000Z',
  })
  updatedAt!: string | null;
}
