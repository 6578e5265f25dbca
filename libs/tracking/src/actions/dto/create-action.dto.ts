import { ActionFields, type ActionPartnerInput, PUBLIC_DESCRIPTION } from './action-fields';

/** POST /actions: a new action starts not started, health not set, self-reported. */
export class CreateActionDto {
  @ActionFields.id('required', {
    description: 'The programme the action belongs to.',
    example: '4f0c2d8e-8a4b-4c59-9d7e-2b1f6a3c5e10',
  })
  programmeId!: string;

  @ActionFields.id('omittable', {
    description: "The line of work; a sub-action takes its parent's when left out.",
    example: '9b7e4c1a-3f2d-4e8b-a6c5-0d1e2f3a4b5c',
  })
  trackId?: string;

  @ActionFields.nullableId({
    description: 'The commitment it carries out; null or left out: none.',
    example: 'de2f9dcf-c5cb-57f8-9c04-1e6b7ce1a7d2',
  })
  commitmentId?: string | null;

  @ActionFields.id('omittable', {
    description: 'Makes this a sub-action (milestone) of a top-level action in the programme.',
    example: '1db9bc4f-a9c7-5dcc-86bc-b301fed52fee',
  })
  parentActionId?: string;

  @ActionFields.title('required', { example: 'Beleidskader decentraal bestuur vaststellen' })
  title!: string;

  @ActionFields.description({
    default: '',
    example:
      'Het beleidskader na instemming van VNG, IPO en UvW ter vaststelling aan de ministerraad voorleggen.',
  })
  description?: string;

  @ActionFields.id('required', {
    description: 'The accountable organisation (trekker).',
    example: '32f4863a-c117-4dd8-93d3-7b281d88bd9c',
  })
  ownerOrganisationId!: string;

  @ActionFields.nullableId({
    description: 'The person in charge, of that organisation; null or left out: nobody yet.',
    example: 'f4f87bc9-09b2-42e9-924e-8a4ded01cb33',
  })
  ownerUserId?: string | null;

  @ActionFields.startDate({
    example: '2026-01-15',
    description: 'null or left out: no start date.',
  })
  startDate?: string | null;

  @ActionFields.deadline('required', {
    description: 'A date in Europe/Amsterdam; on or after startDate.',
    example: '2027-03-31',
  })
  deadline!: string;

  @ActionFields.partners({})
  partners?: ActionPartnerInput[];

  @ActionFields.tags({ example: ['wetgeving', 'route-35'] })
  tags?: string[];

  @ActionFields.public({ default: false, description: PUBLIC_DESCRIPTION, example: true })
  public?: boolean;
}
