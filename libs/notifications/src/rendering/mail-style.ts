/**
 * The house style of the e-mails: the web app's (NL Design System, Rijkshuisstijl Community
 * theme), as literal values, because mail clients read no CSS variables and the server does
 * not ship the design-token package. Each value names its token; mail-style.spec.ts checks
 * them against @rijkshuisstijl-community/design-tokens and their contrast (WCAG 1.4.3).
 */
export const MAIL_STYLE = {
  /** --rhc-text-font-family-sans: Fira Sans where the reader has it, else Arial. */
  fontFamily: "'Fira Sans', Arial, Verdana, sans-serif",
  /** The header bar and the button: --rhc-color-lintblauw-500 (the primary colour). */
  lintblauw: '#154273',
  /** --rhc-color-wit. */
  white: '#ffffff',
  /** Body text: --rhc-color-foreground-default (cool-grey-900). */
  text: '#0f172a',
  /** Secondary text (why you get it, the footer): --rhc-color-foreground-subtle (cool-grey-700). */
  subtle: '#334155',
  /** Around the message and behind the footer: --rhc-color-cool-grey-100. */
  canvas: '#f1f5f9',
  /** Lines between items: --rhc-color-cool-grey-300. */
  rule: '#cbd5e1',
} as const;
