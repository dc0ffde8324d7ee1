// ESLint (flat config) for the map page's own JS: classic scripts (not modules: Chromium refuses ES
// module imports from file://), ES2017, run in QtWebEngine's Chromium after leaflet.js.
// CI runs it with a pinned ESLint from npm in a temporary folder (.ci/run, "eslint (page JS)").
import js from "@eslint/js";

const browser = {
  window: "readonly",
  document: "readonly",
  console: "readonly",
  performance: "readonly",
  setTimeout: "readonly",
  clearTimeout: "readonly",
  requestAnimationFrame: "readonly",
  getComputedStyle: "readonly",
  atob: "readonly",
};

export default [
  {
    files: ["src/corridor_map/mapgen/js/**/*.js"],
    ...js.configs.recommended,
  },
  {
    files: ["src/corridor_map/mapgen/js/**/*.js"],
    languageOptions: {
      ecmaVersion: 2017,
      sourceType: "script",
      globals: {
        ...browser,
        L: "readonly", // Leaflet (resources/vendor/leaflet)
        Supercluster: "readonly", // resources/vendor/supercluster
        QWebChannel: "readonly", // qrc:///qtwebchannel/qwebchannel.js
        CM: "readonly", // the page's API object (cm_leaflet_patches.js makes it)
        CMX: "readonly", // the export hook (cm_export.js)
      },
    },
    linterOptions: { reportUnusedDisableDirectives: "error" },
  },
];
