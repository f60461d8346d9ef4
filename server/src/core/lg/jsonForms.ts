import type { RouteSink } from './lineParser';
import type { LgFormat } from './types';

export function parseJsonLg(text: string, sink: RouteSink, format?: LgFormat): LgFormat {
  void text;
  void sink;
  return format ?? 'unknown';
}
