import { useId } from 'react';

/** How a bar (or part of one) is drawn: a fill and a pattern, so it reads without colour. */
export type BarLook = 'solid' | 'stripes' | 'dots' | 'cross' | 'plain';

export interface Bar {
  label: string;
  parts: Array<{ value: number; look: BarLook }>;
  /** The figures in words beside the bar ("8 open, 4 afgesloten"). */
  text: string;
}

const WIDTH = 640;
const ROW = 44;
const BAR = 18;
const LOOKS: BarLook[] = ['solid', 'stripes', 'dots', 'cross', 'plain'];
/** About what fits on one line of the chart; the table beside it has the full names. */
const LABEL_CHARS = 52;

const line = (bar: Bar) => {
  const text = `${bar.text} · ${bar.label}`;
  return text.length > LABEL_CHARS ? `${text.slice(0, LABEL_CHARS - 1)}…` : text;
};

/**
 * A horizontal bar chart drawn by hand in SVG (no chart library: a few kB instead of a few
 * hundred). It is an illustration of the table beside it, which carries the figures for
 * screen readers and the links, so it is `aria-hidden`; read without colour, every bar has its
 * figures and label in text (the figures first: a long label is cut short), and every part its own pattern. Colours and patterns come from
 * CSS classes (design tokens), never inline styles (CSP).
 */
export function BarChart({ bars }: { bars: Bar[] }) {
  const id = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const max = Math.max(
    1,
    ...bars.map((bar) => bar.parts.reduce((sum, part) => sum + part.value, 0)),
  );
  const scale = (WIDTH - 8) / max;
  const height = bars.length * ROW + 4;
  return (
    <svg
      className="sbt-chart"
      viewBox={`0 0 ${WIDTH} ${height}`}
      width="100%"
      aria-hidden="true"
      focusable="false"
    >
      <defs>
        {LOOKS.map((look) => (
          <pattern
            key={look}
            id={`${id}-${look}`}
            width="8"
            height="8"
            patternUnits="userSpaceOnUse"
            patternTransform={look === 'stripes' ? 'rotate(45)' : undefined}
          >
            <rect width="8" height="8" className={`sbt-chart__fill sbt-chart__fill--${look}`} />
            {look === 'stripes' && <rect width="3" height="8" className="sbt-chart__mark" />}
            {look === 'dots' && <circle cx="4" cy="4" r="1.6" className="sbt-chart__mark" />}
            {look === 'cross' && <path d="M0 0L8 8M8 0L0 8" className="sbt-chart__line" />}
          </pattern>
        ))}
      </defs>
      {bars.map((bar, index) => {
        const top = index * ROW;
        let x = 0;
        return (
          <g key={index}>
            <text x="0" y={top + 14} className="sbt-chart__label">
              {line(bar)}
            </text>
            {bar.parts.map((part, partIndex) => {
              const width = part.value * scale;
              const rect = (
                <rect
                  key={partIndex}
                  x={x}
                  y={top + 20}
                  width={width}
                  height={BAR}
                  fill={`url(#${id}-${part.look})`}
                  className="sbt-chart__bar"
                />
              );
              x += width;
              return rect;
            })}
          </g>
        );
      })}
    </svg>
  );
}
