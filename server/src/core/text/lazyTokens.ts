/**
 * Tokens scanned as a parser asks for them, kept for look-ahead and look-back. A parser that gives up on a value
 * (a nesting limit) ends the tokens there, and the rest of the text is never scanned: on a hostile value of
 * 100,000 brackets that is the difference between a few hundred tokens and hundreds of megabytes of them.
 */
export class LazyTokens<T> {
  private readonly toks: T[] = [];
  private pos = 0;
  private ended = false;

  /** `scan(pos)`: the token at or after `pos`, or undefined at the end; `after(token)`: where scanning resumes. */
  constructor(
    private readonly scan: (pos: number) => T | undefined,
    private readonly after: (token: T) => number,
  ) {}

  /** Token `k`, or undefined past the end. */
  at(k: number): T | undefined {
    if (k < this.toks.length) return this.toks[k];
    while (k >= this.toks.length && !this.ended) {
      const t = this.scan(this.pos);
      if (t === undefined) this.ended = true;
      else {
        this.toks.push(t);
        this.pos = this.after(t);
      }
    }
    return this.toks[k];
  }

  /** Ends the tokens before token `k`: from `k` on there are none, and no more text is scanned. */
  endAt(k: number): void {
    if (k > 0) this.at(k - 1);
    if (this.toks.length > k) this.toks.length = k;
    this.ended = true;
  }

  /** How many tokens have been scanned (and kept). */
  get scanned(): number {
    return this.toks.length;
  }
}
