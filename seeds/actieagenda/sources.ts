import type { SourceReference } from './types';

// The documents the commitments come from (shared/source-documents and the documents they cite).

export const EK_ACTIEAGENDA_2024: SourceReference = {
  document:
    'Brief van de minister van BZK aan de Eerste Kamer over één jaar Actieagenda Sterk Bestuur (Kamerstukken I 2023-2024, 29 362, M)',
  kamerstuk: '29362-M',
  date: '2024-06-12',
  url: 'https://zoek.officielebekendmakingen.nl/kst-29362-M.html',
};

export const ACTIEAGENDA_2023: SourceReference = {
  document:
    'Actieagenda Sterk Bestuur, met de Code Interbestuurlijke Verhoudingen als bijlage (Kamerstukken II 2022-2023, 33 047, nr. 25)',
  kamerstuk: '33047-25',
};

export const ROB_RNRG_KABINET: SourceReference = {
  document:
    'Brief van de minister van BZK over het ROB-rapport «Rol nemen, Ruimte geven» (Kamerstukken II 2020-2021, 29 362, nr. 296)',
  kamerstuk: '29362-296',
  date: '2021-07-06',
  url: 'https://zoek.officielebekendmakingen.nl/kst-29362-296.html',
};

export const ROB_RNRG: SourceReference = {
  document: 'Raad voor het Openbaar Bestuur, «Rol nemen, Ruimte geven» (rapport)',
  date: '2021-04-21',
};

export const ROB_RAAMWERK: SourceReference = {
  document:
    'Raad voor het Openbaar Bestuur, briefadvies «Raamwerk voor toekomstbestendige financiële verhoudingen»',
  date: '2024-02-29',
  url: 'https://www.raadopenbaarbestuur.nl/documenten/publicaties/2024/02/29/briefadvies-raamwerk-toekomstbestendige-financiele-verhoudingen',
};

export const STAAT_BESTUUR_2020: SourceReference = {
  document:
    'Brief van de minister van BZK bij de Staat van het Bestuur 2020 (kenmerk 2021-0000028825)',
  date: '2021-02-02',
};

export const SLOTBIJEENKOMST_2020: SourceReference = {
  document: 'Verslag Landelijke Slotbijeenkomst uitwerking Thorbeckebrief (9 december 2020)',
  date: '2020-12-09',
  url: 'https://www.overheidvannu.nl/documenten/verslagen/2021/01/29/verslag-landelijke-slotbijeenkomst-over-thorbeckebrief',
};

export const MAGAZINE_THORBECKE: SourceReference = {
  document:
    'Magazine «Toekomst openbaar bestuur»: gespreksronde met de twaalf provincies over de Thorbeckebrief (februari 2021)',
};

export const BOFV_NIEUWS_2024: SourceReference = {
  document:
    'Rijksoverheid: Afspraken tussen rijk en medeoverheden over stabielere en beheersbare financiering',
  date: '2024-04-15',
  url: 'https://www.rijksoverheid.nl/actueel/nieuws/2024/04/15/afspraken-tussen-rijk-en-medeoverheden-over-stabielere-en-beheersbare-financiering',
};
