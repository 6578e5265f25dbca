import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Inject,
  Param,
  Patch,
  Post,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ApiListResponse, APP_CONFIG, PageQueryDto } from '@app/core';
import type { AppConfig, ListResponse } from '@app/core';
import {
  CreateTrackDto,
  Permission,
  ProgrammeParams,
  TrackParams,
  TrackResponse,
  TracksService,
  UpdateTrackDto,
} from '@app/identity';
import { Access } from '../../access/access.decorator';
import { resourceUrl } from '../../http/resource-url';
import { Idempotent } from '../../http/idempotency';
import { listEnvelope } from '../../http/list-envelope';

const LOCATION_HEADER = {
  Location: { description: 'The URL of the new track.', schema: { type: 'string', format: 'uri' } },
};
const TRACK_NOT_FOUND = 'TRACK_NOT_FOUND: no such track in this programme.';

/** The programme's lines of work (actielijnen), in order. */
@ApiTags('programmes')
@Controller('programmes/:id/tracks')
export class TracksController {
  constructor(
    private readonly tracks: TracksService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @Access(Permission.ProgrammeRead, { programmeParam: 'id' })
  @ApiOperation({ summary: "List a programme's tracks", description: 'In their order.' })
  @ApiListResponse(TrackResponse, 'One page of tracks.')
  async list(
    @Param() params: ProgrammeParams,
    @Query() query: PageQueryDto,
    @Req() req: Request,
  ): Promise<ListResponse<TrackResponse>> {
    return listEnvelope(this.config, req, await this.tracks.list(params.id, query));
  }

  @Post()
  @Access(Permission.TracksManage, { programmeParam: 'id' })
  @Idempotent()
  @ApiOperation({
    summary: 'Add a track',
    description:
      'Appended, unless `position` is given: then the tracks from that place move down one.',
  })
  @ApiCreatedResponse({ type: TrackResponse, description: 'Created.', headers: LOCATION_HEADER })
  async create(
    @Param() params: ProgrammeParams,
    @Body() body: CreateTrackDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<TrackResponse> {
    const track = await this.tracks.create(params.id, body);
    res.location(resourceUrl(this.config, 'programmes', params.id, 'tracks', track.id));
    return track;
  }

  @Get(':trackId')
  @Access(Permission.ProgrammeRead, { programmeParam: 'id' })
  @ApiOperation({
    summary: 'Get a track',
    description: 'One line of work (track) of the programme, with its position.',
  })
  @ApiOkResponse({ type: TrackResponse, description: 'The track.' })
  @ApiNotFoundResponse({ description: TRACK_NOT_FOUND })
  get(@Param() params: TrackParams): Promise<TrackResponse> {
    return this.tracks.get(params.id, params.trackId);
  }

  @Patch(':trackId')
  @Access(Permission.TracksManage, { programmeParam: 'id' })
  @ApiOperation({
    summary: 'Change or move a track',
    description:
      'Only the properties sent change. A new `position` moves the track there; the tracks ' +
      'in between shift by one place.',
  })
  @ApiOkResponse({ type: TrackResponse, description: 'The changed track.' })
  @ApiNotFoundResponse({ description: TRACK_NOT_FOUND })
  update(@Param() params: TrackParams, @Body() body: UpdateTrackDto): Promise<TrackResponse> {
    return this.tracks.update(params.id, params.trackId, body);
  }

  @Delete(':trackId')
  @HttpCode(204)
  @Access(Permission.TracksManage, { programmeParam: 'id' })
  @ApiOperation({
    summary: 'Remove a track',
    description: 'The tracks after it move up one place.',
  })
  @ApiNoContentResponse({ description: 'Removed.' })
  @ApiNotFoundResponse({ description: TRACK_NOT_FOUND })
  async remove(@Param() params: TrackParams): Promise<void> {
    await this.tracks.remove(params.id, params.trackId);
  }
}
