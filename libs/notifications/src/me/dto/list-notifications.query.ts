import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsUUID } from 'class-validator';
import { IsOmittable, LowerCase, PageQueryDto, QueryBoolean } from '@app/core';
import { type Language, LANGUAGES } from '../../notification-kinds';

/** `lang`: the language of the texts; default your preference (Dutch unless you chose English). */
export class NotificationLanguageQuery {
  @ApiPropertyOptional({ enum: [...LANGUAGES], description: 'Default: your preference.' })
  @IsOmittable()
  @IsIn(LANGUAGES)
  lang?: Language;
}

export class ListNotificationsQuery extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Only unread (true) or only read (false) ones.' })
  @IsOmittable()
  @QueryBoolean()
  @IsBoolean()
  unread?: boolean;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only those of this programme.' })
  @IsOmittable()
  @LowerCase()
  @IsUUID()
  programme?: string;

  @ApiPropertyOptional({ enum: [...LANGUAGES], description: 'Default: your preference.' })
  @IsOmittable()
  @IsIn(LANGUAGES)
  lang?: Language;
}
