/**
 * Prefixed, colour-coded log lines for the local stack, so that one terminal stays readable with DynamoDB, the
 * API, the stand-in and the client build all talking at once.
 */

const COLOURS = {
  red: 31,
  green: 32,
  yellow: 33,
  blue: 34,
  magenta: 35,
  cyan: 36,
  grey: 90,
  bold: 1,
} as const;
export type Colour = keyof typeof COLOURS;

/** Colours on a terminal unless NO_COLOR is set; FORCE_COLOR forces them (e.g. when piped through a pager). */
export const useColour = (): boolean =>
  process.env.FORCE_COLOR !== undefined && process.env.FORCE_COLOR !== '0'
    ? true
    : !process.env.NO_COLOR && Boolean(process.stdout.isTTY);

export const paint = (colour: Colour, text: string): string =>
  useColour() ? `\x1b[${COLOURS[colour]}m${text}\x1b[0m` : text;

export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
  /** One logger per component, e.g. `log.child('api', 'magenta')`. */
  child(name: string, colour: Colour): Logger;
  /**
   * Write each complete line of a child process's output under this logger's prefix (colour codes of the child
   * stripped, blank lines dropped). `filter` may rewrite a line or drop it (null).
   */
  lines(chunk: string, stream?: 'out' | 'err', filter?: (line: string) => string | null): void;
}

const PREFIX_WIDTH = 8;

// eslint-disable-next-line no-control-regex
export const stripAnsi = (s: string): string => s.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '');

/** A logger writing `name  │ message` lines to stdout/stderr. */
export function createLogger(name = 'stack', colour: Colour = 'cyan'): Logger {
  const prefix = paint(colour, name.padEnd(PREFIX_WIDTH).slice(0, PREFIX_WIDTH)) + paint('grey', '│ ');
  const write = (stream: NodeJS.WriteStream, message: string) => {
    for (const line of message.replace(/\r?\n$/, '').split(/\r?\n/)) stream.write(`${prefix}${line}\n`);
  };
  const partial = { out: '', err: '' };
  return {
    info: (m) => write(process.stdout, m),
    warn: (m) => write(process.stdout, paint('yellow', m)),
    error: (m) => write(process.stderr, paint('red', m)),
    child: (n, c) => createLogger(n, c),
    lines(chunk, stream = 'out', filter) {
      const parts = (partial[stream] + chunk).split(/\r?\n/);
      partial[stream] = parts.pop() ?? '';
      for (const raw of parts) {
        const line = stripAnsi(raw).trimEnd();
        if (line.trim() === '') continue;
        const shown = filter ? filter(line) : line;
        if (shown !== null) write(process.stdout, shown);
      }
    },
  };
}

/** A logger that writes nothing (tests). */
export function silentLogger(): Logger {
  const quiet: Logger = {
    info: () => {},
    warn: () => {},
    error: () => {},
    child: () => quiet,
    lines: () => {},
  };
  return quiet;
}

/** A box of lines for the start-up summary. Width is computed on display width (CJK counts as two). */
export function box(lines: string[]): string {
  const width = (s: string) =>
    [...stripAnsi(s)].reduce(
      (w, ch) =>
        w +
        (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch)
          ? 2
          : 1),
      0,
    );
  const inner = Math.max(...lines.map(width));
  const top = `┌${'─'.repeat(inner + 2)}┐`;
  const bottom = `└${'─'.repeat(inner + 2)}┘`;
  return [top, ...lines.map((l) => `│ ${l}${' '.repeat(inner - width(l))} │`), bottom].join('\n');
}
