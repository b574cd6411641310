/**
 * Stands in for `@noble/ciphers/aes` in the bundles (functions/esbuild.json alias): pdfkit imports it only to
 * encrypt a document (a user or owner password), which the paper forms never set — its AES code (≈ 21 KB
 * minified) would be dead weight in every function that prints. pdfkit's MD5 (the document id) is its own.
 */
function unsupported(): never {
  throw new Error('PDF encryption is not supported in this bundle');
}

export const cbc = unsupported;
export const ecb = unsupported;
