import { Injectable } from '@nestjs/common';
import { amsterdamDate, Clock } from '@app/core';
import type { ActionEntity } from './action.entity';
import { ActionDecorationsReader } from './action-decorations.reader';
import { mapAction } from './action.mapper';
import type { ActionBody } from './action.response';
import { RollupsReader } from '../rollups/rollups.reader';

/**
 * Responses for actions just written: names, partners and positions in one query, the
 * roll-ups of those with sub-actions in another (the reads use `ActionViewsReader`, which
 * decorates in the statement that reads the rows).
 */
@Injectable()
export class ActionResponses {
  constructor(
    private readonly decorations: ActionDecorationsReader,
    private readonly rollups: RollupsReader,
    private readonly clock: Clock,
  ) {}

  async of(action: ActionEntity): Promise<ActionBody> {
    const [view] = await this.decorate([action], amsterdamDate(this.clock.now()));
    return view;
  }

  private async decorate(actions: readonly ActionEntity[], today: string): Promise<ActionBody[]> {
    const ids = actions.map((action) => action.id);
    const [{ owners, partners, positions }, rollups] = await Promise.all([
      this.decorations.decorations(
        ids,
        actions.map((action) => action.ownerOrganisationId),
      ),
      this.rollups.ofParents(ids, today),
    ]);
    const context = {
      organisations: new Map(owners.map((row) => [row.id, row])),
      partners,
      positions,
      rollups,
      today,
    };
    return actions.map((action) => mapAction(action, context));
  }
}
