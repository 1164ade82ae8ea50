// eslint-doc-generator settings: the README rule table and each docs/rules/*.md header come from rule meta (run after a build).

/** @type {import('eslint-doc-generator').GenerateOptions} */
const config = {
  configEmoji: [
    ['recommended', '✅'],
    ['strict', '🔒'],
    ['all', '🌐'],
  ],
  // It only switches rules off (for files without type information); a column of 🚫 would say nothing.
  ignoreConfig: ['disable-type-checked'],
  ruleDocNotices: ['deprecated', 'configs', 'fixableAndHasSuggestions', 'requiresTypeChecking'],
  ruleListColumns: [
    'name',
    'description',
    'configsError',
    'configsWarn',
    'fixable',
    'hasSuggestions',
    'requiresTypeChecking',
    'options',
    'deprecated',
  ],
  // Option sections are checked by tests/docs.test.ts (every option, its default, an example); the generator's own
  // check would reject the 'Options' section that option-less rules keep to say they have none.
  ruleDocSectionOptions: false,
  // Every rule page ends with links to the rules that cover the neighbouring cases (tests/docs.test.ts checks the links).
  ruleDocSectionInclude: ['Options', 'When Not To Use It', 'Related rules'],
  urlConfigs: 'https://github.com/eslint-plugin-leaks/eslint-plugin-leaks#configs',
};

export default config;
