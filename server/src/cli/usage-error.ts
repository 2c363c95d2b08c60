/** A mistake in how mlsd was called: said in one line on stderr with a pointer to the help, exit 2. */
export class UsageError extends Error {
  /** The command whose help the message points at ('lint' → "Run 'mlsd lint --help'"). */
  constructor(message: string, readonly command?: string) { super(message); }
}
