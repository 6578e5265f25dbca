import { escapeHtml } from '@app/core';
import { MAIL_STYLE as S } from './mail-style';

/**
 * The e-mails' layout in MJML (https://mjml.io): MJML writes the HTML that mail clients
 * (Outlook's Word engine included) render alike, with layout tables marked
 * role="presentation" and columns that stack on a phone. It is compiled once per process
 * (mailLayout()); a message is then the compiled parts, put together and filled in, which
 * takes microseconds instead of the compiler's milliseconds.
 *
 * Each `<!--sbt:name-->` marker starts a part, which runs to the next marker; a message
 * repeats parts (a language, a digest's items) or leaves them out (a button without a link).
 * `{{slot}}` is filled with escaped text, except the slots of RAW_SLOTS.
 */
const SOURCE = `<mjml lang="{{lang}}" dir="ltr">
  <mj-head>
    <mj-title>{{subject}}</mj-title>
    <mj-preview>{{preheader}}</mj-preview>
    <mj-attributes>
      <mj-all font-family="${S.fontFamily}" />
      <mj-section padding="0" background-color="${S.white}" />
      <mj-text font-size="16px" line-height="1.5" color="${S.text}" padding="0 24px" />
    </mj-attributes>
    <mj-style>
      a { color: ${S.lintblauw}; }
      h1, h2, p, ul { margin: 0; }
    </mj-style>
  </mj-head>
  <mj-body background-color="${S.canvas}" width="600px">
    <mj-section background-color="${S.lintblauw}" padding="16px 0">
      <mj-column>
        <mj-text color="${S.white}" font-size="20px" font-weight="700" line-height="1.3">
          <p style="margin:0">{{product}}</p>
        </mj-text>
      </mj-column>
    </mj-section>
    <mj-raw><!--sbt:language--><div lang="{{lang}}"></mj-raw>
    <mj-section padding="24px 0 16px">
      <mj-column>
        <mj-raw><!--sbt:note--></mj-raw>
        <mj-text color="${S.subtle}" padding="0 24px 16px">
          <p style="margin:0"><strong>{{note}}</strong></p>
        </mj-text>
        <mj-raw><!--sbt:heading--></mj-raw>
        <mj-text padding="0 24px 16px">
          <h1 style="margin:0;font-size:26px;line-height:1.25;font-weight:700;color:${S.lintblauw}">{{heading}}</h1>
        </mj-text>
        <mj-raw><!--sbt:itemRule--></mj-raw>
        <mj-divider border-width="1px" border-color="${S.rule}" padding="8px 24px 24px" />
        <mj-raw><!--sbt:itemHeading--></mj-raw>
        <mj-text padding="0 24px 8px">
          <h2 style="margin:0;font-size:20px;line-height:1.3;font-weight:700;color:${S.text}">{{title}}</h2>
        </mj-text>
        <mj-raw><!--sbt:itemLines--></mj-raw>
        <mj-text padding="0 24px 8px">
          <ul style="margin:0;padding:0 0 0 20px">{{lines}}</ul>
        </mj-text>
        <mj-raw><!--sbt:itemButton--></mj-raw>
        <mj-button href="{{link}}" align="left" padding="8px 24px" inner-padding="12px 24px"
          background-color="${S.lintblauw}" color="${S.white}" font-size="16px" font-weight="700"
          line-height="1.25" border-radius="4px">{{linkText}}</mj-button>
        <mj-raw><!--sbt:itemReason--></mj-raw>
        <mj-text color="${S.subtle}" padding="8px 24px">
          <p style="margin:0">{{reason}}</p>
        </mj-text>
        <mj-raw><!--sbt:languageEnd--></mj-raw>
      </mj-column>
    </mj-section>
    <mj-raw></div></mj-raw>
    <mj-raw><!--sbt:gap--></mj-raw>
    <mj-section padding="12px 0" background-color="${S.canvas}">
      <mj-column>
        <mj-spacer height="8px" />
      </mj-column>
    </mj-section>
    <mj-raw><!--sbt:footer--></mj-raw>
    <mj-section padding="16px 0 0" background-color="${S.canvas}">
      <mj-column>
        <mj-text color="${S.subtle}" font-size="14px">
          <p lang="{{lang}}" style="margin:0">{{footer}} {{settings}} <a href="{{settingsUrl}}" style="color:${S.lintblauw};text-decoration:underline">{{settingsLink}}</a>.</p>
        </mj-text>
      </mj-column>
    </mj-section>
    <mj-raw><!--sbt:end--></mj-raw>
    <mj-section padding="16px 0" background-color="${S.canvas}"><mj-column></mj-column></mj-section>
  </mj-body>
</mjml>`;

const PART_NAMES = [
  'start',
  'language',
  'note',
  'heading',
  'itemHeading',
  'itemLines',
  'itemButton',
  'itemReason',
  'itemRule',
  'languageEnd',
  'gap',
  'footer',
  'end',
] as const;
export type MailPartName = (typeof PART_NAMES)[number];

/** Slots that take HTML the renderer made itself (each user text in it escaped). */
const RAW_SLOTS: ReadonlySet<string> = new Set(['lines']);

/** HTML the renderer built (escaping every text in it): the value of a RAW_SLOTS slot. */
export interface TrustedHtml {
  readonly html: string;
}

export type SlotValue = string | TrustedHtml;

export type MailLayout = Record<MailPartName, string>;

/**
 * Fills a part's `{{slots}}` in one pass, so that a `{{…}}` in a value stays text. A slot
 * without a value is a programming error: it would show `{{slot}}` to a reader.
 */
export function fill(part: string, values: Readonly<Record<string, SlotValue>>): string {
  return part.replace(/\{\{(\w+)\}\}/g, (_match, slot: string) => {
    const value = values[slot];
    if (value === undefined) throw new Error(`mail layout: no value for {{${slot}}}`);
    if (typeof value === 'string') return escapeHtml(value);
    if (!RAW_SLOTS.has(slot)) throw new Error(`mail layout: {{${slot}}} takes text, not HTML`);
    return value.html;
  });
}

/** Compiles the MJML and cuts the HTML into its parts; strict: an MJML mistake throws. */
export async function compileMailLayout(): Promise<MailLayout> {
  // MJML is loaded here, on the first message: with its HTML and CSS tools it takes most of a
  // second to load, which every API and worker process (and every test file that starts one)
  // would otherwise pay at start.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use
  const mjml2html = require('mjml') as typeof import('mjml');
  const { html } = await mjml2html(SOURCE, { validationLevel: 'strict', keepComments: true });
  // Whitespace between tags is half of MJML's output, and a digest repeats parts: Gmail
  // clips a message over 102 kB. No text of the layout lies between two tags.
  const compact = html.replace(/>\s+</g, '><').replace(/\s*\n\s*/g, ' ');
  const pieces = compact.split(/<!--sbt:(\w+)-->/);
  const layout: Partial<MailLayout> = { start: pieces[0] };
  for (let index = 1; index < pieces.length; index += 2) {
    layout[pieces[index] as MailPartName] = pieces[index + 1];
  }
  const missing = PART_NAMES.filter((name) => layout[name] === undefined);
  if (missing.length > 0) throw new Error(`mail layout: no part ${missing.join(', ')}`);
  return layout as MailLayout;
}

let compiled: Promise<MailLayout> | undefined;

/** The compiled layout: made on first use, then shared by every message of the process. */
export function mailLayout(): Promise<MailLayout> {
  compiled ??= compileMailLayout().catch((error: unknown) => {
    compiled = undefined;
    throw error;
  });
  return compiled;
}
