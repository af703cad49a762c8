import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';

const VIEWS_DIR = import.meta.dirname;

/** One Handlebars environment for the server-rendered pages, so their helpers and partials do not leak elsewhere. */
const engine = Handlebars.create();
const templates = new Map<string, HandlebarsTemplateDelegate>();
let partialsLoaded = false;

/** `{{json value}}`: a value as JSON that is safe inside a <script> element (no `</script>` can close it early). */
engine.registerHelper('json', (value: unknown) => new engine.SafeString(JSON.stringify(value).replace(/</g, '\\u003c')));

/** `{{#if (eq a b)}}`: equality for templates. */
engine.registerHelper('eq', (a: unknown, b: unknown) => a === b);

/** Registers every file in views/partials/ (`layout.hbs` is `{{> layout}}`). */
function loadPartials(): void {
  const dir = path.join(VIEWS_DIR, 'partials');
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.hbs'))) {
    engine.registerPartial(path.basename(file, '.hbs'), readFileSync(path.join(dir, file), 'utf8'));
  }
  partialsLoaded = true;
}

/**
 * Renders views/<name>.hbs with `data`. Templates are compiled once and kept; `{{ }}` escapes HTML, so only values
 * the server made itself (a QR code's SVG) are ever inserted raw with `{{{ }}}`.
 */
export function renderView(name: string, data: object): string {
  if (!partialsLoaded) loadPartials();
  let template = templates.get(name);
  if (!template) {
    template = engine.compile(readFileSync(path.join(VIEWS_DIR, `${name}.hbs`), 'utf8'), { strict: false });
    templates.set(name, template);
  }
  return template(data);
}
