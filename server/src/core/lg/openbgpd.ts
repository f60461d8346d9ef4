import { isChromeLine } from './lineClean';
import type { LineParser, RouteSink } from './lineParser';
import type { LgFormat } from './types';

export class OpenbgpdParser implements LineParser {
  constructor(
    private readonly sink: RouteSink,
    readonly format: LgFormat,
  ) {}

  line(s: string, n: number): void {
    this.sink.step(1);
    if (isChromeLine(s)) return;
    this.sink.unparsed({ line: n, text: s, reason: 'not supported yet' });
  }

  end(): void {}
}
