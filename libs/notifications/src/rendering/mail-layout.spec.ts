import { compileMailLayout, fill } from './mail-layout';

describe('fill', () => {
  it('escapes text and fills each slot once, so a value cannot fill another slot', () => {
    expect(fill('<p title="{{a}}">{{b}}</p>', { a: '"x"', b: '{{a}} <b>' })).toBe(
      '<p title="&quot;x&quot;">{{a}} &lt;b&gt;</p>',
    );
  });

  it('takes the renderer its own HTML only where the layout says so', () => {
    expect(fill('<ul>{{lines}}</ul>', { lines: { html: '<li>x</li>' } })).toBe(
      '<ul><li>x</li></ul>',
    );
    expect(() => fill('<p>{{title}}</p>', { title: { html: '<b>x</b>' } })).toThrow(/takes text/);
  });

  it('refuses to leave a slot empty', () => {
    expect(() => fill('<p>{{title}}</p>', {})).toThrow(/no value for \{\{title\}\}/);
  });
});

describe('compileMailLayout', () => {
  it('compiles the MJML strictly into every part', async () => {
    const layout = await compileMailLayout();
    expect(layout.start).toMatch(/^<!doctype html><html lang="\{\{lang\}\}"/);
    expect(layout.start).toContain('<title>{{subject}}</title>');
    expect(layout.language).toContain('<div lang="{{lang}}">');
    expect(layout.heading).toContain('<h1 ');
    expect(layout.itemButton).toContain('<a href="{{link}}"');
    expect(layout.footer).toContain('<p lang="{{lang}}"');
    expect(layout.end).toMatch(/<\/html>\s*$/);
  });
});
