// Prints the text of the PDF read from standard input (pdf.js through pdf-parse). A separate process: pdf.js loads
// its worker with a dynamic import, which jest's module sandbox refuses.
'use strict';
const { Buffer } = require('node:buffer');
const { PDFParse } = require('pdf-parse');

const chunks = [];
process.stdin.on('data', (c) => chunks.push(c));
process.stdin.on('end', async () => {
  const parser = new PDFParse({ data: new Uint8Array(Buffer.concat(chunks)) });
  try {
    process.stdout.write((await parser.getText()).text);
  } finally {
    await parser.destroy();
  }
});
