import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsString,
  IsUUID,
  MaxLength,
} from 'class-validator';
import { IsOmittable, LowerCase, QueryBoolean, Trim } from '@app/core';

/** The text fields of an upload (multipart, besides `file`). */
export class CreateAttachmentBody {
  @ApiPropertyOptional({
    description: 'What the file is, e.g. the letter or decision it records.',
    maxLength: 500,
    example: 'Verslag bestuurlijk overleg VNG–BZK van 12 november 2026',
  })
  @IsOmittable()
  @Trim()
  @IsString()
  @MaxLength(500)
  description?: string;
}

export class AttachmentParams {
  @ApiProperty({
    format: 'uuid',
    description: 'The attachment.',
    example: '5d2f8a10-3b6c-4e7d-9f01-2a3b4c5d6e7f',
  })
  @LowerCase()
  @IsUUID()
  id!: string;
}

export class ListAttachmentsQuery {
  @ApiPropertyOptional({
    description: 'Also the deleted ones (with `deletedAt`), as the history shows them.',
    default: false,
  })
  @IsOmittable()
  @QueryBoolean()
  @IsBoolean()
  includeDeleted?: boolean;
}

export class AttachmentResponse {
  @ApiProperty({ format: 'uuid', example: '5d2f8a10-3b6c-4e7d-9f01-2a3b4c5d6e7f' })
  id!: string;

  @ApiProperty({ format: 'uuid', example: '4f0c2d8e-8a4b-4c59-9d7e-2b1f6a3c5e10' })
  programmeId!: string;

  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The action it is evidence of.',
    example: '1db9bc4f-a9c7-5dcc-86bc-b301fed52fee',
  })
  actionId!: string | null;

  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The commitment it is evidence of.',
    example: null,
  })
  commitmentId!: string | null;

  @ApiProperty({ example: 'Besluitenlijst Overhedenoverleg 2026-11-12.pdf' })
  filename!: string;

  @ApiProperty({
    description: "As the file's bytes say, whatever its name or the upload claimed.",
    example: 'application/pdf',
  })
  contentType!: string;

  @ApiProperty({ example: 184320 })
  sizeBytes!: number;

  @ApiProperty({
    description: 'SHA-256 of the file, hex; the audit event of the upload holds it too.',
    example: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
  })
  sha256!: string;

  @ApiProperty({ example: 'Verslag bestuurlijk overleg VNG–BZK van 12 november 2026' })
  description!: string;

  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    example: 'f4f87bc9-09b2-42e9-924e-8a4ded01cb33',
  })
  uploadedByUserId!: string | null;

  @ApiProperty({ format: 'date-time', example: '2026-11-13T08:30:00.000Z' })
  createdAt!: string;

  // Not null in the example, though a live attachment has none: the API Design Rules
  // ruleset (`nlgov:problem-invalid-input`, whose `$.paths..` filter matches any key that
  // contains "delete") stops with an error on a null `deletedAt` in an operation's example.
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    example: '2026-11-20T16:45:00.000Z',
  })
  deletedAt!: string | null;

  @ApiProperty({
    description: 'Where to download it (the API; with your credentials).',
    example:
      'https://tracker.example.nl/v1/attachments/5d2f8a10-3b6c-4e7d-9f01-2a3b4c5d6e7f/content',
  })
  contentUrl!: string;
}

/** An attachment as tracking answers it: without `contentUrl`, which the API adds. */
export type AttachmentBody = Omit<AttachmentResponse, 'contentUrl'>;

export class AttachmentsResponse {
  @ApiProperty({ type: [AttachmentResponse] })
  items!: AttachmentResponse[];
}

/** The body of a verification: the evidence it rests on, if cited. */
export class VerifyActionBody {
  @ApiPropertyOptional({
    description:
      'Attachments of the action the verification rests on (at most 20); the audit event of the verification cites them with their SHA-256.',
    type: [String],
    format: 'uuid',
    maxItems: 20,
    example: ['5d2f8a10-3b6c-4e7d-9f01-2a3b4c5d6e7f'],
  })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsUUID(undefined, { each: true })
  @LowerCase()
  evidence?: string[];
}
