/**
 * Rewrites `globalThis` in a library (zod) to a shim import. Older WeChat JS engines have no `globalThis`, and
 * zod keeps its global config (the jitless flag) and registry there; the shim is the real `globalThis` where
 * it exists and a module-level object elsewhere.
 */
module.exports = function globalThisLoader(source) {
  const { shim } = this.getOptions();
  if (!source.includes('globalThis')) return source;
  return `import __jiebangGlobalThis from ${JSON.stringify(shim)};\n${source.replace(/\bglobalThis\b/g, '__jiebangGlobalThis')}`;
};
