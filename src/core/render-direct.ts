// Renders parsed templates straight from their syntax tree, without Handlebars' runtime, which
// spends most of a reply on per-call setup, wrapped helpers and lookups (`webcare batch` renders
// every message). It covers what templates use: text, variables, our helpers, #if / #unless with
// else, and partials. A set that uses anything else (#each, #with, @data, paths like a.b) gets
// null here and keeps Handlebars, so output never depends on which of the two renders it.
import type { ReplyContext } from './render.js';

export type RenderFn = (context: ReplyContext, seed: number) => string;
type Value = (context: ReplyContext) => unknown;
type Helper = (this: ReplyContext, ...args: unknown[]) => unknown;

export interface DirectSource {
  /** The file's phrasings, parsed; one is picked by `(seed + salt) % variants.length`. */
  variants: readonly hbs.AST.Program[];
  salt: number;
  /** Wraps an error thrown while rendering this file, as the Handlebars path does. */
  wrapError: (error: unknown) => unknown;
}

/** Thrown while compiling: the set uses something only Handlebars renders. */
class Unsupported extends Error {}

/**
 * One render function for a language's `reply`, or null when a file needs Handlebars.
 * `partial(name)` names the file a {{> name}} renders, or a function that names it from the
 * context (and throws when that file is missing).
 */
export function compileDirect(
  sources: ReadonlyMap<string, DirectSource>,
  reply: string,
  partial: (name: string) => string | ((context: ReplyContext) => string),
  helpers: Readonly<Record<string, Helper>>,
): RenderFn | null {
  const compiled = new Map<string, RenderFn>();

  const expression = (node: hbs.AST.Expression): Value => {
    switch (node.type) {
      case 'StringLiteral':
      case 'NumberLiteral':
      case 'BooleanLiteral': {
        const value = (node as hbs.AST.StringLiteral).value;
        return () => value;
      }
      case 'PathExpression':
        return variable(node as hbs.AST.PathExpression);
      case 'SubExpression':
        return helperCall(node as hbs.AST.SubExpression);
      default:
        throw new Unsupported(node.type);
    }
  };
  const variable = (path: hbs.AST.PathExpression): Value => {
    if (path.data || path.depth !== 0 || path.parts.length !== 1 || path.original !== path.parts[0]) throw new Unsupported(path.original);
    const key = path.parts[0] as keyof ReplyContext;
    return (context) => context[key];
  };
  // Only our own helpers, called with as many arguments as they take (else Handlebars adds its options).
  const helperCall = (node: { path: hbs.AST.Expression; params: hbs.AST.Expression[]; hash?: hbs.AST.Hash }): Value => {
    const name = (node.path as hbs.AST.PathExpression).original;
    const helper = node.path.type === 'PathExpression' && Object.hasOwn(helpers, name) ? helpers[name]! : null;
    if (!helper || node.hash || helper.length !== node.params.length) throw new Unsupported(name);
    const params = node.params.map(expression);
    // Spelled out by count: no array per call.
    const [first, second] = params;
    if (params.length === 0) return (context) => helper.call(context);
    if (params.length === 1) return (context) => helper.call(context, first!(context));
    if (params.length === 2) return (context) => helper.call(context, first!(context), second!(context));
    return (context) => helper.apply(context, params.map((param) => param(context)));
  };
  // Handlebars' #if: empty when falsy or an empty list.
  const isEmpty = (value: unknown) => !value || (Array.isArray(value) && value.length === 0);

  const statement = (node: hbs.AST.Statement): RenderFn | null => {
    switch (node.type) {
      case 'ContentStatement': {
        const text = (node as hbs.AST.ContentStatement).value;
        return text === '' ? null : () => text;
      }
      case 'CommentStatement':
        return null;
      case 'MustacheStatement': {
        const mustache = node as hbs.AST.MustacheStatement;
        const path = mustache.path as hbs.AST.PathExpression;
        // {{name}} is a helper when one has that name, else a variable; {{r "a" "b"}} is a helper.
        if (path.type !== 'PathExpression') throw new Unsupported(path.type);
        const isHelper = mustache.params.length > 0 || Object.hasOwn(helpers, path.original);
        const value = isHelper ? helperCall(mustache) : expression(mustache.path);
        return (context) => {
          const result = value(context);
          return result == null ? '' : String(result);
        };
      }
      case 'BlockStatement': {
        const block = node as hbs.AST.BlockStatement;
        const name = (block.path as hbs.AST.PathExpression).original;
        if (block.path.type !== 'PathExpression' || (name !== 'if' && name !== 'unless')) throw new Unsupported(name);
        if (block.params.length !== 1 || block.hash || block.program?.blockParams) throw new Unsupported(name);
        const condition = expression(block.params[0]!);
        const yes = block.program ? program(block.program) : null;
        const no = block.inverse ? program(block.inverse) : null;
        const [whenFull, whenEmpty] = name === 'if' ? [yes, no] : [no, yes];
        return (context, seed) => {
          const chosen = isEmpty(condition(context)) ? whenEmpty : whenFull;
          return chosen ? chosen(context, seed) : '';
        };
      }
      case 'PartialStatement': {
        const call = node as hbs.AST.PartialStatement;
        if (call.name.type !== 'PathExpression' || call.params.length > 0 || call.hash) throw new Unsupported('partial');
        const file = partial((call.name as hbs.AST.PathExpression).original);
        // A dispatched part ({{> type}}) depends on the context; any other is looked up once.
        if (typeof file !== 'string') return (context, seed) => compiled.get(file(context))!(context, seed);
        let render: RenderFn | undefined;
        return (context, seed) => (render ??= compiled.get(file)!)(context, seed);
      }
      default:
        throw new Unsupported(node.type);
    }
  };
  const program = (node: hbs.AST.Program): RenderFn => {
    const parts = node.body.map(statement).filter((part): part is RenderFn => part !== null);
    if (parts.length === 0) return () => '';
    if (parts.length === 1) return parts[0]!;
    return (context, seed) => {
      let out = '';
      for (const part of parts) out += part(context, seed);
      return out;
    };
  };

  try {
    for (const [name, source] of sources) {
      const variants = source.variants.map(program);
      const { salt, wrapError } = source;
      compiled.set(name, (context, seed) => {
        try {
          return variants.length === 0 ? '' : variants[(seed + salt) % variants.length]!(context, seed);
        } catch (error) {
          throw wrapError(error);
        }
      });
    }
  } catch (error) {
    if (error instanceof Unsupported) return null;
    throw error;
  }
  const main = compiled.get(reply);
  return main ?? null;
}
