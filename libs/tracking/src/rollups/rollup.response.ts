import { ApiProperty } from '@nestjs/swagger';
import { ACTION_HEALTHS, type ActionHealth } from '../actions/action-states';

const RULES =
  'Derived from the actions (sub-actions included) of a commitment or track, or the ' +
  'sub-actions of a parent action; README "Roll-ups".';

/** The OpenAPI schema of a roll-up (`rollup.ts` computes it). */
export class RollupResponse {
  @ApiProperty({
    type: Number,
    nullable: true,
    minimum: 0,
    maximum: 100,
    example: 62.5,
    description:
      'Weighted mean of percentComplete (weight `rollupWeight`, default 1): met counts as 100, ' +
      'partially_met with its own percentage, lapsed not at all. One decimal; null when no ' +
      `action counts. ${RULES}`,
  })
  percentComplete!: number | null;
  @ApiProperty({
    enum: [...ACTION_HEALTHS],
    enumName: 'ActionHealth',
    nullable: true,
    type: String,
    description:
      'The worst health among the open actions (off_track, at_risk, on_track, not_set); null ' +
      'without open actions.',
    example: 'on_track',
  })
  health!: ActionHealth | null;
  @ApiProperty({ minimum: 0, description: 'How many open actions have that health.', example: 1 })
  healthCount!: number;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer', minimum: 0 },
    description: `Open actions per health. Keys: ${ACTION_HEALTHS.join(', ')}.`,
    example: { not_set: 0, on_track: 1, at_risk: 0, off_track: 0 },
  })
  byHealth!: Record<ActionHealth, number>;
  @ApiProperty({ minimum: 0, example: 2 }) total!: number;
  @ApiProperty({ minimum: 0, example: 1 }) open!: number;
  @ApiProperty({ minimum: 0, example: 1 }) closed!: number;
  @ApiProperty({ minimum: 0, description: 'Open with a deadline before today.', example: 0 })
  overdue!: number;
}
