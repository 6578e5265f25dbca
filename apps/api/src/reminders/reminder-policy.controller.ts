import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Param,
  Post,
  Put,
  Query,
  Res,
} from '@nestjs/common';
import {
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiPreconditionFailedResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { Permission, ProgrammeParams } from '@app/identity';
import {
  ReminderPoliciesService,
  ReminderPolicyDto,
  ReminderPolicyResponse,
  ReminderPreviewQuery,
  ReminderPreviewResponse,
  ReminderPreviewService,
} from '@app/reminders';
import { formatEtag } from '@app/tracking';
import { Access } from '../access/access.decorator';
import { versionDocs } from '../http/version-docs';

const VERSION = versionDocs('reminder policy');

@ApiTags('reminders')
@Controller('programmes/:id/reminder-policy')
export class ReminderPolicyController {
  constructor(
    private readonly policies: ReminderPoliciesService,
    private readonly previews: ReminderPreviewService,
  ) {}

  @Get()
  @Access(Permission.RemindersManage, { programmeParam: 'id' })
  @ApiOperation({
    summary: "The programme's reminder policy",
    description:
      'When owners are reminded (days before the deadline, on the day, overdue, stale), the ' +
      'escalation ladder with its contacts, the quiet rules and the digest option. A programme ' +
      'that never stored one has the defaults, version 1.',
  })
  @ApiOkResponse({
    type: ReminderPolicyResponse,
    description: 'The policy.',
    headers: VERSION.etag,
  })
  async get(
    @Param() params: ProgrammeParams,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ReminderPolicyResponse> {
    const policy = await this.policies.get(params.id.toLowerCase());
    res.setHeader('ETag', formatEtag(policy.version));
    return policy;
  }

  @Put()
  @Access(Permission.RemindersManage, { programmeParam: 'id' })
  @ApiOperation({
    summary: "Replace the programme's reminder policy",
    description:
      "Every reminder of the programme's open actions is planned again after the change " +
      '(in the worker, through the outbox). `If-Match` is optional; when sent, it must be the ' +
      'current ETag.',
  })
  @ApiHeader({ ...VERSION.ifMatch, required: false })
  @ApiOkResponse({ type: ReminderPolicyResponse, description: 'Stored.', headers: VERSION.etag })
  @ApiPreconditionFailedResponse({ description: VERSION.stale })
  async put(
    @Param() params: ProgrammeParams,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: ReminderPolicyDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ReminderPolicyResponse> {
    const policy = await this.policies.put(params.id.toLowerCase(), ifMatch, body);
    res.setHeader('ETag', formatEtag(policy.version));
    return policy;
  }

  @Post('preview')
  @HttpCode(200)
  @Access(Permission.RemindersManage, { programmeParam: 'id', rateLimit: 'expensive' })
  @ApiOperation({
    summary: 'Preview the reminders a policy would plan',
    description:
      'Plans every open action of the programme with the policy in the body, as saving it ' +
      'would, without saving anything: the soonest `limit` reminders, soonest first, with ' +
      'their recipients. The body is checked as for PUT. Reads the whole programme, so it ' +
      'counts as an expensive request.',
  })
  @ApiOkResponse({ type: ReminderPreviewResponse, description: 'What the policy would plan.' })
  preview(
    @Param() params: ProgrammeParams,
    @Query() query: ReminderPreviewQuery,
    @Body() body: ReminderPolicyDto,
  ): Promise<ReminderPreviewResponse> {
    return this.previews.preview(params.id.toLowerCase(), body, query.limit);
  }
}
