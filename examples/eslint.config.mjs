// The config a user of eslint-plugin-leaks writes: README's three lines. The plugin's config brings typescript-eslint's
// parser with the project service for the TypeScript files (service/tsconfig.json types them), and skips the plain
// JavaScript here (this file, demo.mjs), which has no type information.
import { defineConfig } from 'eslint/config';
import leaks from 'eslint-plugin-leaks';

export default defineConfig([...leaks.configs.recommended]);
