/** The text of a PDF as a reader extracts it (pdf.js), whitespace removed: what a search in the file finds. */
import { execFile } from 'node:child_process';
import { join } from 'node:path';

export function pdfText(data: Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      [join(__dirname, 'pdf-text.cjs')],
      { maxBuffer: 16 * 1024 * 1024 },
      (err, stdout) => (err ? reject(err) : resolve(stdout.replace(/\s+/g, ''))),
    );
    child.stdin!.end(data);
  });
}
