/** A checked file as the bulk form shows it: the counts, and each problem in the reader's words. */
export type BulkPreviewView = {
  fileName: string;
  rows: number;
  valid: number;
  invalid: number;
  problems: { row: number; email: string; problem: string }[];
};
