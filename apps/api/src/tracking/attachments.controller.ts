import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Inject,
  Logger,
  Param,
  Post,
  Query,
  Req,
  Res,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import { create as contentDisposition } from 'content-disposition';
import type { Request, Response } from 'express';
import { APP_CONFIG, type AppConfig, loggableError } from '@app/core';
import { Permission } from '@app/identity';
import type { Principal } from '@app/identity';
import {
  ActionParams,
  AttachmentParams,
  AttachmentResponse,
  AttachmentsResponse,
  AttachmentsService,
  type AttachmentUpload,
  CommitmentIdParams,
  CreateAttachmentBody,
  ListAttachmentsQuery,
} from '@app/tracking';
import { Access, CurrentPrincipal } from '../access/access.decorator';
import { Idempotent } from '../http/idempotency';
import { withAttachmentUrl } from '../http/links';

const logger = new Logger('AttachmentsController');

/** Whether the request body is multipart/form-data (said to the service, which decides after rights). */
const multipart = (req: Request) => req.is('multipart/form-data') === 'multipart/form-data';

const UPLOAD_BODY = {
  schema: {
    type: 'object',
    required: ['file'],
    properties: {
      file: {
        type: 'string',
        format: 'binary',
        description:
          'PDF, Word/Excel/PowerPoint (.docx/.xlsx/.pptx, .doc/.xls/.ppt), OpenDocument, an Outlook message (.msg) or an image (PNG, JPEG, GIF, WebP, TIFF); at most ATTACHMENT_MAX_BYTES.',
      },
      description: { type: 'string', maxLength: 500, example: 'Besluitenlijst Overhedenoverleg' },
    },
  },
};
const UPLOAD_REFUSALS = [
  {
    status: 413,
    description: 'ATTACHMENT_TOO_LARGE: larger than ATTACHMENT_MAX_BYTES (default 25 MiB).',
  },
  {
    status: 415,
    description:
      'ATTACHMENT_TYPE_NOT_ALLOWED: its bytes are none of the accepted kinds (the name does not count); UNSUPPORTED_MEDIA_TYPE: not multipart/form-data.',
  },
  { status: 409, description: 'TOO_MANY_ATTACHMENTS: 100 that are not deleted.' },
] as const;

/**
 * Evidence attachments (issue 21, part 3): upload to an action or a commitment, list, read,
 * download, and delete (softly). README "Evidence attachments".
 */
@ApiTags('attachments')
@Controller()
export class AttachmentsController {
  constructor(
    private readonly attachments: AttachmentsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post('actions/:id/attachments')
  @HttpCode(201)
  @Access(Permission.ActionsUpdate, { rateLimit: 'expensive' })
  @Idempotent()
  // Below @Idempotent: this runs first, so the key's fingerprint covers the parsed file.
  @UseInterceptors(FileInterceptor('file'))
  @ApiOperation({
    summary: 'Attach evidence to an action',
    description:
      'A letter, decision or minutes, as multipart field `file`. Who may change the action ' +
      'may (coordinators, editors of an owning organisation). Its kind is read from its bytes; ' +
      'its SHA-256 goes into the audit event, on the action’s history.',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody(UPLOAD_BODY)
  @ApiCreatedResponse({ type: AttachmentResponse, description: 'Stored.' })
  @ApiNotFoundResponse({ description: 'ACTION_NOT_FOUND' })
  @ApiResponse(UPLOAD_REFUSALS[0])
  @ApiResponse(UPLOAD_REFUSALS[1])
  @ApiResponse(UPLOAD_REFUSALS[2])
  async uploadToAction(
    @CurrentPrincipal() principal: Principal,
    @Param() params: ActionParams,
    @UploadedFile() file: AttachmentUpload | undefined,
    @Body() body: CreateAttachmentBody,
    @Req() req: Request,
  ): Promise<AttachmentResponse> {
    return withAttachmentUrl(
      this.config,
      await this.attachments.upload(
        principal,
        { kind: 'action', id: params.id },
        multipart(req) ? file : 'not multipart',
        body.description,
      ),
    );
  }

  @Get('actions/:id/attachments')
  @Access(Permission.TrackingRead)
  @ApiOperation({ summary: "An action's attachments", description: 'Oldest first.' })
  @ApiOkResponse({ type: AttachmentsResponse })
  @ApiNotFoundResponse({ description: 'ACTION_NOT_FOUND' })
  async listOfAction(
    @CurrentPrincipal() principal: Principal,
    @Param() params: ActionParams,
    @Query() query: ListAttachmentsQuery,
  ): Promise<AttachmentsResponse> {
    return {
      items: (
        await this.attachments.list(
          principal,
          { kind: 'action', id: params.id },
          query.includeDeleted ?? false,
        )
      ).map((attachment) => withAttachmentUrl(this.config, attachment)),
    };
  }

  @Post('commitments/:id/attachments')
  @HttpCode(201)
  @Access(Permission.CommitmentsManage, { rateLimit: 'expensive' })
  @Idempotent()
  @UseInterceptors(FileInterceptor('file'))
  @ApiOperation({
    summary: 'Attach evidence to a commitment',
    description:
      'As for an action; who may edit the commitment may (coordinators and editors). The agreement ' +
      'itself (a signed letter, the decision list of an Overhedenoverleg) is typical.',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody(UPLOAD_BODY)
  @ApiCreatedResponse({ type: AttachmentResponse, description: 'Stored.' })
  @ApiNotFoundResponse({ description: 'COMMITMENT_NOT_FOUND' })
  @ApiResponse(UPLOAD_REFUSALS[0])
  @ApiResponse(UPLOAD_REFUSALS[1])
  @ApiResponse(UPLOAD_REFUSALS[2])
  async uploadToCommitment(
    @CurrentPrincipal() principal: Principal,
    @Param() params: CommitmentIdParams,
    @UploadedFile() file: AttachmentUpload | undefined,
    @Body() body: CreateAttachmentBody,
    @Req() req: Request,
  ): Promise<AttachmentResponse> {
    return withAttachmentUrl(
      this.config,
      await this.attachments.upload(
        principal,
        { kind: 'commitment', id: params.id },
        multipart(req) ? file : 'not multipart',
        body.description,
      ),
    );
  }

  @Get('commitments/:id/attachments')
  @Access(Permission.TrackingRead)
  @ApiOperation({ summary: "A commitment's attachments", description: 'Oldest first.' })
  @ApiOkResponse({ type: AttachmentsResponse })
  @ApiNotFoundResponse({ description: 'COMMITMENT_NOT_FOUND' })
  async listOfCommitment(
    @CurrentPrincipal() principal: Principal,
    @Param() params: CommitmentIdParams,
    @Query() query: ListAttachmentsQuery,
  ): Promise<AttachmentsResponse> {
    return {
      items: (
        await this.attachments.list(
          principal,
          { kind: 'commitment', id: params.id },
          query.includeDeleted ?? false,
        )
      ).map((attachment) => withAttachmentUrl(this.config, attachment)),
    };
  }

  @Get('attachments/:id')
  @Access(Permission.TrackingRead)
  @ApiOperation({
    summary: 'One attachment',
    description: 'What is known of it; deleted ones too.',
  })
  @ApiOkResponse({ type: AttachmentResponse })
  @ApiNotFoundResponse({ description: 'ATTACHMENT_NOT_FOUND' })
  async get(
    @CurrentPrincipal() principal: Principal,
    @Param() params: AttachmentParams,
  ): Promise<AttachmentResponse> {
    return withAttachmentUrl(this.config, await this.attachments.get(principal, params.id));
  }

  @Get('attachments/:id/content')
  @Access(Permission.TrackingRead)
  @ApiOperation({
    summary: 'Download an attachment',
    description:
      'The file as uploaded, always as a download (`Content-Disposition: attachment`, ' +
      '`X-Content-Type-Options: nosniff`), never shown inline. `ETag` is its SHA-256.',
  })
  @ApiProduces('application/octet-stream')
  @ApiOkResponse({
    description: 'The file.',
    content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
    headers: {
      'Content-Disposition': {
        description: "attachment; filename*=UTF-8''…",
        schema: { type: 'string' },
      },
    },
  })
  @ApiNotFoundResponse({ description: 'ATTACHMENT_NOT_FOUND, ATTACHMENT_DELETED' })
  async content(
    @CurrentPrincipal() principal: Principal,
    @Param() params: AttachmentParams,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const { attachment, stream } = await this.attachments.content(principal, params.id);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('ETag', `"${attachment.sha256}"`);
    res.setHeader('Cache-Control', 'private, no-store');
    // A file a browser opened from the API's origin must not run anything there.
    res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
    return new StreamableFile(stream, {
      type: attachment.contentType,
      length: attachment.sizeBytes,
      disposition: contentDisposition(attachment.filename, { type: 'attachment' }),
    }).setErrorHandler((error, response) => {
      logger.error(
        { error: loggableError(error), attachmentId: attachment.id },
        'Attachment download failed',
      );
      if (!response.destroyed) response.destroy?.();
    });
  }

  @Delete('attachments/:id')
  @HttpCode(204)
  @Access(Permission.TrackingRead)
  @ApiOperation({
    summary: 'Delete an attachment',
    description:
      'A soft delete: gone from the lists and downloads, its record (name, SHA-256) stays in ' +
      'the history of its action or commitment. Who may attach to it may delete.',
  })
  @ApiNoContentResponse({ description: 'Deleted (or already).' })
  @ApiNotFoundResponse({ description: 'ATTACHMENT_NOT_FOUND' })
  async remove(
    @CurrentPrincipal() principal: Principal,
    @Param() params: AttachmentParams,
  ): Promise<void> {
    await this.attachments.remove(principal, params.id);
  }
}
