// electron-builder `beforeBuild` hook. The Node bundles in dist/electron are self-contained
// (esbuild bundles every dependency; only 'electron' stays external) and the renderer is a
// Vite bundle, so the package needs no node_modules at all. Resolving to false tells
// electron-builder that node_modules are "handled externally": it neither installs,
// rebuilds nor copies the production dependencies into app.asar.
module.exports = async function beforeBuild() {
  return false;
};
