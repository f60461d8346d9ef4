import { renderDot } from './dot';
import { renderHtml } from './html';
import { renderMarkdown } from './markdown';
import type { PathsModel } from './model';
import { renderSvg } from './svg';

export const PATHS_FORMATS = ['svg', 'html', 'dot', 'markdown', 'json'] as const;
export type PathsFormat = (typeof PATHS_FORMATS)[number];

/** The one entry point for `routelens paths --format …`: the same drawing the panel shows. */
export function renderPaths(model: PathsModel, format: PathsFormat, theme: 'light' | 'dark' = 'light'): string {
  switch (format) {
    case 'svg':
      return renderSvg(model, { theme }) + '\n';
    case 'html':
      return renderHtml(model, { theme });
    case 'dot':
      return renderDot(model);
    case 'markdown':
      return renderMarkdown(model);
    case 'json':
      return JSON.stringify(model, null, 2) + '\n';
  }
}
