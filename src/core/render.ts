// Turns a template set and a reply context into plain text. Templates are Handlebars files
// (see templates/README.md): each may hold several phrasings separated by a line "---", and
// the seed picks one per part, so one message always gets the same reply and --variant another.
// Customer text only ever arrives as context values: it is data, never compiled.
import Handlebars from 'handlebars';
import { LANGS, type Lang } from './domain.js';
import { compileDirect, type DirectSource, type RenderFn } from './render-direct.js';
import { LINE, PARAGRAPH, layout } from './render-layout.js';
import { hash } from './seed.js';

export interface TemplateFile {
  /** e.g. "nl/reply", "nl/partials/greeting", "en/persona/aggressive". */
  name: string;
  source: string;
  /** Where it was read from, for error messages. */
  path: string;
}

/** A template that cannot be used, with the file and line to fix. */
export class TemplateError extends Error {
  constructor(
    readonly path: string,
    readonly line: number,
    readonly problem: string,
  ) {
    super(`${path}${line ? `:${line}` : ''}: ${problem}`);
    this.name = 'TemplateError';
  }
}

/** Every value a template may use. Documented for template authors in templates/README.md. */
export interface ReplyContext {
  name: string;
  firstName: string;
  hasName: boolean;
  /** The name carries a title or an initial ("Mevr. de Vries", "Dr. Anna Smit"): greet with "Beste"/"Dear". */
  formalName: boolean;
  agent: string;
  company: string;
  channel: string;
  type: string;
  persona: string;
  fault: string;
  topic: string;
  /** The matter in the customer's terms, ready to use: "je pakket", "de storing", "your flight to Rome"; '' when unknown. */
  matter: string;
  sensitive: boolean;
  lang: string;
  formal: boolean;
  action: string;
  /** How to reach the team privately, completing "Stuur je ons …" / "Send us …". */
  privateChannel: string;
  /** What to send privately for this topic: "je ordernummer", "your booking code"; '' when nothing specific. */
  details: string;
  intent: string;
  /** Apologise and admit: our fault, not a compliment, and not a customer who reacts badly to apologies. */
  apologise: boolean;
  /** Take the conversation to a private channel. */
  movePrivate: boolean;
  /** Already in a private channel (WhatsApp, e-mail): ask for details right here. */
  inPrivate: boolean;
  /** Ask afterwards whether it worked out. */
  followUp: boolean;
  /** The post is removed for its abusive language: say so, and why. */
  removal: boolean;
  /** A compliment that also asks something: say the answer is coming. */
  alsoAsks: boolean;
  /** A compliment naming a colleague ("geholpen door Youssef"): their first name, else "". */
  colleague: string;
  /** The writer lost someone: condolences before anything else. */
  bereaved: boolean;
  /** The writer asks whether a mail, text or link is really ours: don't click it, share nothing, until we have checked. */
  caution: boolean;
  /** A short, light channel (X, Instagram, WhatsApp). */
  short: boolean;
  /** A channel read with more care (LinkedIn, e-mail, review sites), or a bereaved writer: no "Hey", "Hi!", "Groetjes" or "Cheers". */
  measured: boolean;
  /** The full reply does not fit the channel: shorter phrasings of every part; the persona's line stays. */
  brief: boolean;
}

export const CONTEXT_VARIABLES: readonly (keyof ReplyContext)[] = [
  'name',
  'firstName',
  'hasName',
  'formalName',
  'agent',
  'company',
  'channel',
  'type',
  'persona',
  'fault',
  'topic',
  'matter',
  'sensitive',
  'lang',
  'formal',
  'action',
  'privateChannel',
  'details',
  'intent',
  'apologise',
  'movePrivate',
  'inPrivate',
  'followUp',
  'removal',
  'alsoAsks',
  'colleague',
  'bereaved',
  'caution',
  'short',
  'measured',
  'brief',
];


type HelperFn = (this: ReplyContext, ...args: unknown[]) => unknown;

const HELPERS: Record<string, HelperFn> = {
  /** {{r "informal" "formal"}}: the text for the team's register. */
  r(this: ReplyContext, informal: unknown, formal: unknown) {
    return this.formal ? formal : informal;
  },
  /** {{#if (eq type "compliment")}} */
  eq: (a: unknown, b: unknown) => a === b,
  /** {{#if (oneOf persona "aggressive chronic")}} */
  oneOf: (value: unknown, list: unknown) => typeof list === 'string' && list.split(/\s+/).includes(String(value)),
  /** {{sentence action}}: the text as typed, with a full stop added when it has no end mark. */
  sentence: (text: unknown) => {
    const value = String(text ?? '').trim();
    // A closing bracket or quote ends a sentence only after an end mark: "(zie mail.)", not "(vandaag)".
    return /[.!?…][)"'’”»]*$/u.test(value) || value === '' ? value : `${value}.`;
  },
  /** {{br}}: a blank line between paragraphs. Other line breaks in templates do not count. */
  br: () => PARAGRAPH,
  /** {{nl}}: a line break within a paragraph. */
  nl: () => LINE,
};

const BUILTIN_HELPERS = new Set(['if', 'unless', 'with', 'each', 'lookup', 'log']);

/** Parts that pick their file by the answers: {{> type}} and {{> persona}}. */
const DISPATCHED = ['type', 'persona'] as const;

type Compiled = Handlebars.TemplateDelegate<ReplyContext>;

export interface Renderer {
  /** Renders the reply in a language; `seed` picks the phrasing of every part. */
  render(lang: Lang, context: ReplyContext, seed: number): string;
  /** Names of the templates in use, e.g. "nl/partials/greeting". */
  readonly names: readonly string[];
}

/**
 * Compiles and validates a full template set; throws TemplateError naming the file and line.
 * Rendering goes through render-direct.ts when the set allows; `direct: false` forces
 * Handlebars, for tests that compare the two.
 */
export function compileTemplates(
  files: readonly TemplateFile[],
  { direct = true, parsed }: { direct?: boolean; parsed?: ParsedTemplates } = {},
): Renderer {
  const byName = new Map(files.map((file) => [file.name, file]));
  const languages = new Map<Lang, Language>();
  const parse = (env: typeof Handlebars, source: string) => parsed?.get(source) ?? env.parse(source, PARSE_OPTIONS);
  for (const lang of LANGS) languages.set(lang, buildLanguage(lang, byName, direct, parse));
  return {
    names: [...byName.keys()].sort(),
    render(lang, context, seed) {
      const { env, direct: render } = languages.get(lang)!;
      const clean = cleanContext(context);
      return layout(render ? render(clean, seed) : (env.partials.reply as Compiled)(clean, { data: { seed } }));
    },
  };
}

interface Language {
  env: typeof Handlebars;
  /** The same templates without Handlebars' runtime; null when they use what only Handlebars renders. */
  direct: RenderFn | null;
}

type Parse = (env: typeof Handlebars, source: string) => hbs.AST.Program;

function buildLanguage(lang: Lang, byName: Map<string, TemplateFile>, direct: boolean, parse: Parse): Language {
  const env = Handlebars.create();
  for (const [name, helper] of Object.entries(HELPERS)) env.registerHelper(name, helper as Handlebars.HelperDelegate);
  const prefix = `${lang}/`;
  const own = [...byName.values()].filter((file) => file.name.startsWith(prefix));
  const reply = byName.get(`${lang}/reply`);
  if (!reply) throw new TemplateError(`${lang}/reply.hbs`, 0, 'the main template is missing');
  const partialNames = new Set(
    own.filter((file) => file.name.startsWith(`${prefix}partials/`)).map((file) => file.name.slice(`${prefix}partials/`.length)),
  );
  for (const part of DISPATCHED) partialNames.add(part);

  const compiledByName = new Map<string, Compiled>();
  const sources = new Map<string, DirectSource>();
  for (const file of own) {
    const { compiled, source } = compileVariants(env, file, partialNames, parse);
    compiledByName.set(file.name, compiled);
    sources.set(file.name, source);
  }

  for (const name of partialNames) {
    const compiled = compiledByName.get(`${prefix}partials/${name}`);
    if (compiled) env.registerPartial(name, compiled);
  }
  /** The file a dispatched part renders for this context, e.g. "nl/persona/meek". */
  const names = { type: new Map<string, string>(), persona: new Map<string, string>() };
  const dispatched = (part: (typeof DISPATCHED)[number], context: ReplyContext) => {
    const value = context[part];
    let name = names[part].get(value);
    if (name === undefined) {
      name = `${prefix}${part}/${value}`;
      if (!compiledByName.has(name)) throw new TemplateError(`${name}.hbs`, 0, 'this template is missing');
      names[part].set(value, name);
    }
    return name;
  };
  for (const part of DISPATCHED) {
    env.registerPartial(part, ((context: ReplyContext, options: Handlebars.RuntimeOptions) =>
      compiledByName.get(dispatched(part, context))!(context, options)) as unknown as Handlebars.Template);
  }
  env.registerPartial('reply', compiledByName.get(`${lang}/reply`)!);
  const partialFile = (name: string) =>
    name === 'type' || name === 'persona' ? (context: ReplyContext) => dispatched(name, context) : `${prefix}partials/${name}`;
  return { env, direct: direct ? compileDirect(sources, `${lang}/reply`, partialFile, HELPERS) : null };
}

/** One file, several phrasings: each is parsed and checked now, compiled once, picked by seed. */
function compileVariants(
  env: typeof Handlebars,
  file: TemplateFile,
  partials: ReadonlySet<string>,
  parse: Parse,
): { compiled: Compiled; source: DirectSource } {
  const asts: hbs.AST.Program[] = [];
  const variants: Compiled[] = [];
  for (const { source, firstLine } of splitVariants(file.source)) {
    let ast: hbs.AST.Program;
    try {
      ast = parse(env, source);
    } catch (error) {
      const message = (error as Error).message;
      const line = Number(/line (\d+)/.exec(message)?.[1] ?? 0);
      throw new TemplateError(file.path, line ? firstLine + line - 1 : 0, `syntax error: ${message.split('\n').pop()}`);
    }
    validate(ast, file, firstLine, partials);
    asts.push(ast);
    variants.push(env.compile(ast, { noEscape: true, strict: true, ignoreStandalone: true }));
  }
  const salt = hash(file.name);
  const wrapError = (error: unknown) => (error instanceof TemplateError ? error : new TemplateError(file.path, 0, (error as Error).message));
  const source: DirectSource = { variants: asts, salt, wrapError };
  if (variants.length === 0) return { compiled: () => '', source };
  const compiled: Compiled = (context, options) => {
    const seed = (options?.data as { seed?: number } | undefined)?.seed ?? 0;
    try {
      return variants[(seed + salt) % variants.length]!(context, options);
    } catch (error) {
      throw wrapError(error);
    }
  };
  return { compiled, source };
}

const PARSE_OPTIONS = { ignoreStandalone: true };

/**
 * Parsed phrasings by their source text. Handlebars' parser takes ~60 ms over the built-in set,
 * so build.mjs parses it once (dist/templates.json) and a draft looks each phrasing up; one that
 * differs, such as a team's own, is parsed as usual.
 */
export type ParsedTemplates = ReadonlyMap<string, hbs.AST.Program>;

/** Every phrasing of these files with its syntax tree, for build.mjs; without the source positions, which only errors use. */
export function parseForBuild(files: readonly TemplateFile[]): [string, hbs.AST.Program][] {
  const withoutPositions = (key: string, value: unknown) => (key === 'loc' ? undefined : value);
  return files.flatMap((file) =>
    splitVariants(file.source).map(({ source }): [string, hbs.AST.Program] => [
      source,
      JSON.parse(JSON.stringify(Handlebars.parse(source, PARSE_OPTIONS), withoutPositions)) as hbs.AST.Program,
    ]),
  );
}

/** The phrasings in a file, each with the line it starts on (for error messages). */
function splitVariants(source: string): { source: string; firstLine: number }[] {
  const variants: { lines: string[]; firstLine: number }[] = [{ lines: [], firstLine: 1 }];
  source
    .replace(/\r\n/g, '\n')
    .split('\n')
    .forEach((line, index) => {
      if (/^---[ \t]*$/.test(line)) variants.push({ lines: [], firstLine: index + 2 });
      else variants.at(-1)!.lines.push(line);
    });
  return variants
    .map((variant) => ({ source: variant.lines.join('\n'), firstLine: variant.firstLine }))
    .filter((variant) => variant.source.trim() !== '');
}

/** Refuses unknown variables, helpers and partials before anything is rendered. */
function validate(ast: hbs.AST.Program, file: TemplateFile, firstLine: number, partials: ReadonlySet<string>): void {
  const fail = (node: hbs.AST.Node, problem: string): never => {
    throw new TemplateError(file.path, firstLine + (node.loc?.start.line ?? 1) - 1, problem);
  };
  const checkPath = (path: hbs.AST.PathExpression) => {
    if (path.data || path.original === 'this' || path.original === '.') return;
    const head = path.parts[0] ?? path.original;
    if (!(CONTEXT_VARIABLES as readonly string[]).includes(head)) {
      fail(path, `unknown variable "${path.original}" (known: ${CONTEXT_VARIABLES.join(', ')})`);
    }
  };
  const checkCall = (node: { path: hbs.AST.Expression; params: hbs.AST.Expression[]; hash?: hbs.AST.Hash }) => {
    const path = node.path as hbs.AST.PathExpression;
    const isHelper = path.type === 'PathExpression' && (path.original in HELPERS || BUILTIN_HELPERS.has(path.original));
    if (node.params.length > 0 || node.hash) {
      if (!isHelper) fail(path, `unknown helper "${path.original}" (known: ${Object.keys(HELPERS).join(', ')})`);
    } else if (!isHelper && path.type === 'PathExpression') {
      checkPath(path);
    }
    node.params.forEach(visit);
    node.hash?.pairs.forEach((pair) => visit(pair.value));
  };
  const visit = (node: hbs.AST.Node | undefined): void => {
    if (!node) return;
    switch (node.type) {
      case 'Program':
        (node as hbs.AST.Program).body.forEach(visit);
        break;
      case 'MustacheStatement':
      case 'SubExpression':
        checkCall(node as hbs.AST.MustacheStatement);
        break;
      case 'BlockStatement': {
        const block = node as hbs.AST.BlockStatement;
        checkCall(block);
        visit(block.program);
        visit(block.inverse);
        break;
      }
      case 'PathExpression':
        checkPath(node as hbs.AST.PathExpression);
        break;
      case 'PartialStatement':
      case 'PartialBlockStatement': {
        const partial = node as hbs.AST.PartialStatement;
        const name = (partial.name as hbs.AST.PathExpression).original;
        if (partial.name.type !== 'PathExpression' || !partials.has(name)) {
          fail(node, `unknown partial "${name ?? '(dynamic)'}" (known: ${[...partials].sort().join(', ')})`);
        }
        break;
      }
      default:
        break;
    }
  };
  visit(ast);
}

const MARKS = /[\u2028\u2029]/;
const MARKS_ALL = /[\u2028\u2029]/g;

/** Values from the customer or moderator must not carry our layout marks. */
function cleanContext(context: ReplyContext): ReplyContext {
  // Almost no value has one: copy only when one does.
  if (!CONTEXT_VARIABLES.some((key) => typeof context[key] === 'string' && MARKS.test(context[key]))) return context;
  const clean = { ...context };
  for (const key of CONTEXT_VARIABLES) {
    const value = clean[key];
    if (typeof value === 'string') (clean as Record<string, unknown>)[key] = value.replace(MARKS_ALL, ' ');
  }
  return clean;
}
