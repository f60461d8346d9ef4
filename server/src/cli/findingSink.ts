import type { Diagnostic, Severity } from '../core/diagnostics/diagnostic';


/** How many findings of each severity a run had, and over how many files. */
export interface LintSummary {
  readonly files: number;
  readonly counts: Readonly<Record<Severity, number>>;
}

/**
 * Where `lint` sends findings as they are produced, one file after another: a report is written while it is
 * made and never held whole, so memory does not grow with the number of findings. A validator that yields
 * findings one by one can feed `add` directly. The file comes beside the finding, not copied into it: a copy per
 * finding (`{ ...d, file }`) was most of the cost of a report of a million findings (see jsonFindings.ts).
 */
export interface FindingSink {
  add(file: string, d: Diagnostic): void;
  /** Every finding of `file` has been added. */
  endFile(file: string): void;
  /** After the last file: what closes the report. */
  end(summary: LintSummary): void;
}

/** Counts findings by severity on their way to a sink. */
export class SeverityTally {
  readonly counts: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };

  wrap(sink: FindingSink): FindingSink {
    return {
      add: (file, d) => {
        this.counts[d.severity]++;
        sink.add(file, d);
      },
      endFile: (file) => sink.endFile(file),
      end: (summary) => sink.end(summary),
    };
  }
}
