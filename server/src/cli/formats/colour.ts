/**
 * Whether to colour output: FORCE_COLOR set to anything but "0"/"false" forces it (CI logs that
 * render ANSI), a non-empty NO_COLOR turns it off (https://no-color.org), otherwise only a terminal
 * gets colour — never a pipe or a file.
 */
export function colourEnabled(stream: { isTTY?: boolean } = process.stdout, env: NodeJS.ProcessEnv = process.env): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  if (env.NO_COLOR) return false;
  return stream.isTTY === true && env.TERM !== 'dumb';
}

export interface Palette { red: Paint; yellow: Paint; blue: Paint; dim: Paint; bold: Paint; underline: Paint }
type Paint = (s: string) => string;

export function palette(on: boolean): Palette {
  const paint = (code: string): Paint => (on ? (s) => `\x1b[${code}m${s}\x1b[0m` : (s) => s);
  return { red: paint('31'), yellow: paint('33'), blue: paint('36'), dim: paint('2'), bold: paint('1'), underline: paint('4') };
}
