import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditService } from '@app/audit';
import { type KeysetPage, mapPage, SqlState, Transactions, violatedConstraint } from '@app/core';
import type { PageQueryDto } from '@app/core';
import type { CreateTrackDto } from './dto/create-track.dto';
import type { TrackResponse } from './dto/track.response';
import type { UpdateTrackDto } from './dto/update-track.dto';
import { definedOnly } from './defined-only';
import { ProgrammeAudit } from './programmes.audit';
import { ProgrammeErrors } from './programmes.errors';
import { mapTrack } from './programmes.mappers';
import { ProgrammesRepository } from './programmes.repository';
import type { TrackEntity } from './track.entity';
import { TracksRepository } from './tracks.repository';

/**
 * The programme's lines of work, numbered 0..n-1 without gaps. Every change locks the
 * programme first, so concurrent inserts and moves take turns and never share a position.
 */
@Injectable()
export class TracksService {
  constructor(
    private readonly transactions: Transactions,
    private readonly programmes: ProgrammesRepository,
    private readonly tracks: TracksRepository,
    private readonly audit: AuditService,
  ) {}

  async list(programmeId: string, query: PageQueryDto): Promise<KeysetPage<TrackResponse>> {
    if (!(await this.programmes.findById(programmeId))) throw ProgrammeErrors.programmeNotFound();
    const page = await this.tracks.page(programmeId, { limit: query.limit, cursor: query.cursor });
    return mapPage(page, mapTrack);
  }

  async get(programmeId: string, trackId: string): Promise<TrackResponse> {
    const track = await this.tracks.find(programmeId, trackId);
    if (!track) throw ProgrammeErrors.trackNotFound();
    return mapTrack(track);
  }

  /** Appends the track, or inserts it at `position` and moves the tracks from there down. */
  async create(programmeId: string, dto: CreateTrackDto): Promise<TrackResponse> {
    return this.transactions.run(async (manager) => {
      await this.lockProgramme(programmeId, manager);
      const count = await this.tracks.count(programmeId, manager);
      const position = Math.min(dto.position ?? count, count);
      if (position < count) await this.tracks.shift(programmeId, { from: position }, 1, manager);
      const id = await this.tracks.insert(
        definedOnly({ programmeId, name: dto.name, description: dto.description, position }),
        manager,
      );
      const created = await this.mustFind(programmeId, id, manager);
      await this.audit.record(manager, ProgrammeAudit.trackCreated(created));
      return mapTrack(created);
    });
  }

  /** Renames, describes or moves a track; a move shifts the tracks in between by one. */
  async update(programmeId: string, trackId: string, dto: UpdateTrackDto): Promise<TrackResponse> {
    return this.transactions.run(async (manager) => {
      await this.lockProgramme(programmeId, manager);
      const track = await this.mustFind(programmeId, trackId, manager);
      let position: number | undefined;
      if (dto.position !== undefined) {
        const last = (await this.tracks.count(programmeId, manager)) - 1;
        position = Math.min(dto.position, last);
        const from = track.position;
        if (position < from) {
          await this.tracks.shift(programmeId, { from: position, to: from - 1 }, 1, manager);
        } else if (position > from) {
          await this.tracks.shift(programmeId, { from: from + 1, to: position }, -1, manager);
        }
      }
      const changes = definedOnly<Partial<Pick<TrackEntity, 'name' | 'description' | 'position'>>>({
        name: dto.name,
        description: dto.description,
        position,
      });
      if (Object.keys(changes).length > 0)
        await this.tracks.update(programmeId, trackId, changes, manager);
      const updated = await this.mustFind(programmeId, trackId, manager);
      await this.audit.record(manager, ProgrammeAudit.trackUpdated(track, updated));
      return mapTrack(updated);
    });
  }

  /** Removes a track and closes the gap it leaves. */
  /** Removes a track; one that actions still belong to stays (409 TRACK_IN_USE). */
  async remove(programmeId: string, trackId: string): Promise<void> {
    try {
      await this.transactions.run(async (manager) => {
        await this.lockProgramme(programmeId, manager);
        const track = await this.mustFind(programmeId, trackId, manager);
        await this.tracks.delete(programmeId, trackId, manager);
        await this.tracks.shift(programmeId, { from: track.position + 1 }, -1, manager);
        await this.audit.record(manager, ProgrammeAudit.trackDeleted(track));
      });
    } catch (error) {
      if (violatedConstraint(error, SqlState.foreignKeyViolation) === 'fk_actions_track') {
        throw ProgrammeErrors.trackInUse();
      }
      throw error;
    }
  }

  private async lockProgramme(programmeId: string, manager: EntityManager): Promise<void> {
    if (!(await this.programmes.lock(programmeId, manager)))
      throw ProgrammeErrors.programmeNotFound();
  }

  private async mustFind(
    programmeId: string,
    trackId: string,
    manager: EntityManager,
  ): Promise<TrackEntity> {
    const track = await this.tracks.find(programmeId, trackId, manager);
    if (!track) throw ProgrammeErrors.trackNotFound();
    return track;
  }
}
