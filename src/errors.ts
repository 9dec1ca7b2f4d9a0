/**
 * Every error mailspec raises on purpose carries one of these codes. The CLI prints such
 * errors as one line and exits 2; anything without a code is a bug and is printed with its
 * stack.
 */
export const ERROR_CODES = {
  MAILSPEC_CONFIG_NOT_FOUND: 'the expectations file does not exist or cannot be read',
  MAILSPEC_CONFIG_EMPTY: 'the expectations file holds no document',
  MAILSPEC_CONFIG_SYNTAX: 'the expectations file is not valid YAML',
  MAILSPEC_CONFIG_UNKNOWN_KEY: 'a key that the schema does not know',
  MAILSPEC_CONFIG_INVALID: 'a value of the wrong type, format or range',
  MAILSPEC_CONFIG_UNKNOWN_REGION: 'a region name that is not an AWS region offering SES',
  MAILSPEC_FIXTURE_INVALID: 'a recorded fixture that cannot be read or does not fit its layout',
  MAILSPEC_FIXTURE_SYNTAX: 'a recorded fixture file that is not valid JSON or YAML',
  MAILSPEC_USAGE: 'a command line that the CLI cannot parse',
  MAILSPEC_OUTPUT_UNWRITABLE: 'a report path that cannot be written',
  MAILSPEC_SECRET_INPUT: 'a secret that was expected on standard input and is missing',
  MAILSPEC_RECORD_NO_AWS: 'a live run to record that could not reach AWS, so nothing was written',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

/** Where in the expectations file something was declared (1-based line and column). */
export interface SourceLocation {
  file: string;
  line: number;
  column: number;
}

export class MailspecError extends Error {
  readonly code: ErrorCode;
  readonly location?: SourceLocation;

  constructor(code: ErrorCode, message: string, location?: SourceLocation) {
    super(message);
    this.name = 'MailspecError';
    this.code = code;
    this.location = location;
  }

  /** The one line the CLI prints: position first, so editors can jump to it. */
  toLine(): string {
    const where = this.location
      ? `${this.location.file}:${this.location.line}:${this.location.column}: `
      : '';
    return `${where}${this.message} [${this.code}]`;
  }
}

export function isMailspecError(error: unknown): error is MailspecError {
  return error instanceof MailspecError;
}
