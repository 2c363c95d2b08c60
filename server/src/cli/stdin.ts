/**
 * `mlsd lint -`: the doc arrives on stdin (an editor integration or a pre-commit pipe). It is decoded
 * like a file (BOM, UTF-16) and linted under `--stdin-filename`, which is the name in the output and
 * the place the nearest `.mlsd.json` is looked for; without it, `<stdin>` in the current folder.
 */
import { decodeText } from '../host/read-text';

export const STDIN_NAME = '<stdin>';

export async function readStdin(stream: NodeJS.ReadableStream = process.stdin): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return decodeText(Buffer.concat(chunks));
}
