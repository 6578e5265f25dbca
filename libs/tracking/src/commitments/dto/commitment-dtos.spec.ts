import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { validateAttributes } from './commitment-attributes';
import { CreateCommitmentDto } from './create-commitment.dto';
import { UpdateCommitmentDto } from './update-commitment.dto';

/** Dotted names of what fails, validated as the global ValidationPipe does. */
function failing<T extends object>(type: new () => T, plain: object): string[] {
  const names = (errors: ValidationError[], parent = ''): string[] =>
    errors.flatMap((error) => {
      const name = parent ? `${parent}.${error.property}` : error.property;
      return [...(error.constraints ? [name] : []), ...names(error.children ?? [], name)];
    });
  return names(
    validateSync(plainToInstance(type, plain), {
      whitelist: true,
      forbidNonWhitelisted: true,
      forbidUnknownValues: true,
    }),
  ).sort();
}

const base = {
  programmeId: '4f0c2d8e-8a4b-4c59-9d7e-2b1f6a3c5e10',
  title: 'Het Rijk neemt een actieve rol in regionale opgaven',
};
const rob = {
  ...base,
  kind: 'rob_recommendation',
  attributes: { adviceTitle: 'Rol nemen, Ruimte geven', recommendationNumber: 2 },
};

describe('commitment DTOs', () => {
  it('validates the attributes as those of the kind sent beside them', () => {
    expect(failing(CreateCommitmentDto, rob)).toEqual([]);
    expect(
      failing(CreateCommitmentDto, {
        ...base,
        kind: 'parliamentary_pledge',
        attributes: { chamber: 'eerste_kamer', pledgeNumber: 'T03519' },
      }),
    ).toEqual([]);
    expect(
      failing(CreateCommitmentDto, { ...rob, attributes: { meetingDate: '2024-04-15' } }),
    ).toEqual([
      'attributes.adviceTitle',
      'attributes.meetingDate',
      'attributes.recommendationNumber',
    ]);
  });

  it('wants attributes unless the kind has none, and refuses any on an agenda item', () => {
    expect(failing(CreateCommitmentDto, { ...base, kind: 'udo_trajectory' })).toEqual([
      'attributes',
    ]);
    expect(failing(CreateCommitmentDto, { ...base, kind: 'agenda_item' })).toEqual([]);
    expect(failing(CreateCommitmentDto, { ...base, kind: 'agenda_item', attributes: {} })).toEqual(
      [],
    );
    expect(
      failing(CreateCommitmentDto, { ...base, kind: 'agenda_item', attributes: { none: 1 } }),
    ).toEqual(['attributes.none']);
  });

  it('reports an unknown kind once, without guessing at its attributes', () => {
    expect(failing(CreateCommitmentDto, { ...rob, kind: 'motie' })).toEqual(['kind']);
  });

  it('checks a financial effect, its years in order', () => {
    const bofv = (financialEffect: object) => ({
      ...base,
      kind: 'bofv_agreement',
      attributes: { meetingDate: '2024-04-15', financialEffect },
    });
    expect(
      failing(CreateCommitmentDto, bofv({ amountEuroPerYear: -675_000_000, fromYear: 2026 })),
    ).toEqual([]);
    expect(
      failing(
        CreateCommitmentDto,
        bofv({ amountEuroPerYear: 1.5, fromYear: 2026, toYear: 2025, years: [2026] }),
      ),
    ).toEqual([
      'attributes.financialEffect.amountEuroPerYear',
      'attributes.financialEffect.toYear',
      'attributes.financialEffect.years',
    ]);
  });

  it('checks references and lineage item by item', () => {
    expect(
      failing(CreateCommitmentDto, {
        ...rob,
        references: [
          {
            document: 'Kamerbrief',
            kamerstuk: '29362-296',
            date: '2021-07-06',
            url: 'https://x.nl',
          },
          { document: ' ', kamerstuk: '29362 nr. 296', date: '2021-02-30', url: 'ftp://x.nl' },
        ],
        lineage: [
          { relation: 'repeats', commitmentId: base.programmeId },
          { relation: 'replaces', commitmentId: base.programmeId },
        ],
      }),
    ).toEqual([
      'lineage',
      'lineage.1.relation',
      'references.1.date',
      'references.1.document',
      'references.1.kamerstuk',
      'references.1.url',
    ]);
  });

  it('refuses a reference address a browser would run as script or that is not a web page', () => {
    // The web app makes each address a link (README "Web app"): only http(s) may reach it.
    const urls = [
      'javascript:alert(1)',
      'JavaScript:alert(1)',
      ' javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox(1)',
      '//evil.example/kst-1.html',
    ];
    expect(
      failing(CreateCommitmentDto, {
        ...rob,
        references: urls.map((url) => ({ document: 'Kamerbrief', url })),
      }),
    ).toEqual(urls.map((_, index) => `references.${index}.url`));
  });

  it('refuses a kind in a change, with a reason', () => {
    expect(failing(UpdateCommitmentDto, {})).toEqual([]);
    expect(failing(UpdateCommitmentDto, { kind: 'agenda_item', title: null })).toEqual([
      'kind',
      'title',
    ]);
  });

  it('validates the attributes of a change against the stored kind', () => {
    expect(
      validateAttributes('udo_trajectory', {
        billOrPolicy: 'Wet versterking regie',
        phase: 'design',
      }),
    ).toEqual({
      attributes: { billOrPolicy: 'Wet versterking regie', phase: 'design' },
      problems: [],
    });
    expect(
      validateAttributes('rob_recommendation', {
        adviceTitle: 'Rol nemen',
        recommendationNumber: 1,
      }).attributes,
    ).toEqual({ adviceTitle: 'Rol nemen', recommendationNumber: 1, cabinetResponse: 'pending' });
    expect(
      validateAttributes('overhedenoverleg_agreement', { meetingDate: '2023-09', phase: 'design' })
        .problems.map((problem) => problem.name)
        .sort(),
    ).toEqual(['attributes.meetingDate', 'attributes.phase']);
  });
});
