import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';

/**
 * Build configuration of the mini-program (weapp) and the H5 client.
 *
 * `@jiebang/shared` is a workspace package whose `exports` point at TypeScript source, so it must go through
 * the same babel pipeline as `src/`: Taro only compiles `src/` and `node_modules/*taro*` by default, hence the
 * `compile.include` of the package's real path (webpack resolves the workspace symlink to it).
 */
const sharedDir = path.resolve(__dirname, '..', '..', 'shared');
// zod ships ES2020+ (`?.`, `??`) and relies on `globalThis`: for the mini-program it is compiled down like our
// own code, and its `globalThis` goes through a shim (older WeChat JS engines lack both).
const zodDir = path.dirname(require.resolve('zod/package.json'));
// npm may leave this plugin in client/node_modules, out of reach of @tarojs/taro-h5 (hoisted to the root),
// which imports its runtime in the H5 build.
const reactPluginDir = path.dirname(require.resolve('@tarojs/plugin-framework-react/package.json'));
const globalThisShim = path.resolve(__dirname, '..', 'src', 'lib', 'global-this.ts');

const apiBaseUrl = (process.env.API_BASE_URL || 'http://localhost:3000').replace(/\/+$/, '');
const appStage = process.env.APP_STAGE || 'local';

export default defineConfig<'webpack5'>(async () => {
  const config: UserConfigExport<'webpack5'> = {
    projectName: 'jiebang',
    date: '2024-7-1',
    // Ours is the 750 design width; NutUI's styles are written for 375.
    designWidth(input?: unknown) {
      const file = (input as { file?: string } | undefined)?.file ?? '';
      return file.replace(/\\/g, '/').includes('@nutui/') ? 375 : 750;
    },
    deviceRatio: {
      640: 2.34 / 2,
      750: 1,
      375: 2,
      828: 1.81 / 2,
    },
    sourceRoot: 'src',
    outputRoot: `dist/${process.env.TARO_ENV}`,
    plugins: [],
    defineConstants: {
      API_BASE_URL: JSON.stringify(apiBaseUrl),
      APP_STAGE: JSON.stringify(appStage),
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    cache: { enable: false },
    logger: { quiet: true, stats: false },
    mini: {
      compile: { include: [sharedDir, zodDir] },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false },
      },
      optimizeMainPackage: { enable: true },
      webpackChain(chain) {
        chain.module
          .rule('zod-global-this')
          .test(/\.m?js$/)
          .include.add(zodDir)
          .end()
          .use('global-this')
          .loader(path.resolve(__dirname, 'loaders', 'global-this-loader.js'))
          .options({ shim: globalThisShim });
      },
    },
    h5: {
      publicPath: './',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      compile: { include: [sharedDir] },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false },
      },
      webpackChain(chain) {
        chain.resolve.alias.set('@tarojs/plugin-framework-react', reactPluginDir);
        // Taro splits only initial chunks: every lazily loaded page would carry its own copy of the components
        // library, zod and @jiebang/shared. Share them between pages instead.
        const splitChunks = chain.optimization.get('splitChunks');
        if (splitChunks) chain.optimization.splitChunks({ ...splitChunks, chunks: 'all' });
      },
    },
  };
  return config;
});
