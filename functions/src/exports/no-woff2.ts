/**
 * Stands in for `brotli/decompress.js` in the bundles (functions/esbuild.json alias): fontkit imports it only to
 * read WOFF2 fonts, and the PDF forms use an OpenType font — the decoder's 475 KB dictionary would be dead weight
 * in every function that prints.
 */
export default function decompress(): never {
  throw new Error('WOFF2 fonts are not supported in this bundle');
}
