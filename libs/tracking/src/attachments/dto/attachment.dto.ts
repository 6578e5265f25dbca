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
  @ApiProperty({ format: 'uuid', description: 'The attachment.' })
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

  @ApiProperty({ format: 'uuid' })
  programmeId!: string;

  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The action it is evidence of.',
  })
  actionId!: string | null;

  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The commitment it is evidence of.',
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

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  uploadedByUserId!: string | null;

  @ApiProperty({ format: 'date-time', example: '2026-11-13T08:30:00.000Z' })
  createdAt!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: null })
  deletedAt!: string | null;

  @ApiProperty({ description: 'Where to download it (the API; with your credentials).' })
  contentUrl!: string;
}

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
  })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsUUID(undefined, { each: true })
  @LowerCase()
  evidence?: string[];
}
