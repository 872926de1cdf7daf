import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { PageHeader } from './PageHeader';

const NAME = 'US Open Swing Dance Championships';

describe('page titles', () => {
  it('wrap to two lines instead of being cut (event details, event chat)', () => {
    const html = renderToStaticMarkup(<PageHeader title={NAME} subtitle="Event chat" />);
    const h1 = /<h1[^>]*class="([^"]*)"[^>]*>([^<]*)<\/h1>/.exec(html);
    expect(h1?.[2]).toBe(NAME);
    const classes = h1![1]!.split(' ');
    expect(classes).toContain('line-clamp-2');
    expect(classes).not.toContain('truncate');
  });
});
