import { applyDecorators, Type as ClassType } from '@nestjs/common';
import {
  ApiExtraModels,
  ApiOkResponse,
  ApiProperty,
  ApiPropertyOptional,
  getSchemaPath,
} from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { IsOmittable } from '../validation/validators';
import { DEFAULT_PAGE_LIMIT, KeysetPage, MAX_PAGE_LIMIT } from './keyset';

export class Link {
  @ApiProperty({ format: 'uri', example: 'https://tracker.example.nl/v1/actions?limit=50' })
  href!: string;
}

export class ListLinks {
  @ApiProperty({ type: Link })
  self!: Link;

  @ApiPropertyOptional({ type: Link, description: 'The next page; absent on the last page.' })
  next?: Link;

  @ApiPropertyOptional({ type: Link, description: 'The previous page; absent on the first page.' })
  prev?: Link;
}

/** The standard list envelope: `data` plus `_links` for keyset navigation. */
export interface ListResponse<T> {
  data: T[];
  _links: ListLinks;
}

/** What a cursor this API issues looks like (base64url). */
const CURSOR = /^[A-Za-z0-9_-]+$/;

/** `limit` and `cursor`, shared by every list route. */
export class PageQueryDto {
  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: MAX_PAGE_LIMIT,
    default: DEFAULT_PAGE_LIMIT,
  })
  @IsOmittable()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_LIMIT)
  limit: number = DEFAULT_PAGE_LIMIT;

  @ApiPropertyOptional({
    description: 'Opaque cursor from a `_links.next` or `_links.prev` link.',
    maxLength: 2048,
    pattern: CURSOR.source,
  })
  @IsOmittable()
  @IsString()
  @MaxLength(2048)
  @Matches(CURSOR, { message: 'cursor must be a cursor this API issued' })
  cursor?: string;
}

/** Builds the envelope; links keep the caller's query and swap only the cursor. */
export function toListResponse<T, R>(
  page: KeysetPage<T>,
  map: (item: T) => R,
  selfUrl: URL,
): ListResponse<R> {
  const withCursor = (cursor: string | undefined) => {
    const url = new URL(selfUrl);
    if (cursor === undefined) url.searchParams.delete('cursor');
    else url.searchParams.set('cursor', cursor);
    return { href: url.toString() };
  };
  const links: ListLinks = { self: { href: selfUrl.toString() } };
  if (page.nextCursor) links.next = withCursor(page.nextCursor);
  if (page.prevCursor) links.prev = withCursor(page.prevCursor);
  return { data: page.items.map(map), _links: links };
}

/** The page with its items mapped (a response's items), its cursors as they were. */
export function mapPage<T, R>(page: KeysetPage<T>, map: (item: T) => R): KeysetPage<R> {
  return { ...page, items: page.items.map(map) };
}

/** Documents a 200 list response of `model` items in the standard envelope. */
export function ApiListResponse(model: ClassType<unknown>, description = 'One page of results.') {
  return applyDecorators(
    ApiExtraModels(model, ListLinks),
    ApiOkResponse({
      description,
      schema: {
        type: 'object',
        required: ['data', '_links'],
        properties: {
          data: { type: 'array', items: { $ref: getSchemaPath(model) } },
          _links: { $ref: getSchemaPath(ListLinks) },
        },
      },
    }),
  );
}
