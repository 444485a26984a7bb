import './graphql-text-require';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PUBLIC_SDL_FILE, printPublicSdl } from './public-sdl';

/** `npm run schema:public`: rewrites the public function's SDL (public-sdl.ts) after a change to schema/*.graphql or the public operations. */
writeFileSync(join(__dirname, '..', '..', PUBLIC_SDL_FILE), printPublicSdl());
console.log(`wrote ${PUBLIC_SDL_FILE}`);
