/** The file as a whole cannot be imported (empty, binary, wrong encoding, no header…). */
export class ImportFileError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly line?: number,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'ImportFileError';
  }
}
