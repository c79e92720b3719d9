// Declares the commands and their flags; each command's code is imported only when it runs,
// so `webcare --version` loads almost nothing.
import { Command, InvalidArgumentError, Option } from 'commander';
import {
  CHANNELS,
  FAULTS,
  INTENTS,
  LANGS,
  MESSAGE_TYPES,
  MAX_LINE_BYTES,
  MAX_TEXT_BYTES,
  PERSONAS,
  TOPICS,
} from './core/domain.js';
import { packageVersion } from './index.js';


const choice = (flags: string, description: string, values: readonly string[]) =>
  new Option(flags, `${description} (${values.join(', ')})`).choices(values);

function wholeNumber(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('give a whole number from 1 up.');
  return n;
}

function ruleList(value: string, previous: string[] = []): string[] {
  return [...previous, ...value.split(',').map((rule) => rule.trim()).filter(Boolean)];
}

export function buildProgram(): Command {
  const program = new Command('webcare')
    .description('Draft personal, on-strategy replies to customers on social media, and lint them. Dutch and English.')
    .version(packageVersion(), '-V, --version')
    .option('--debug', 'show the stack trace of an unexpected error')
    .exitOverride()
    .configureOutput({
      // One line, like every other error: what is wrong, and where to look.
      outputError: (message, write) => write(`webcare: ${message.replace(/^error: /, '').trimEnd()} (see --help)\n`),
    })
    .addHelpText(
      'after',
      `\nExit codes: 0 ok, 1 findings or failed records, 2 usage or input error, 130 aborted.\n` +
        `Messages are limited to ${MAX_TEXT_BYTES / 1024} KB each.`,
    );

  program
    .command('draft')
    .description('walk from a customer message to a ready, personal reply')
    .argument('[file]', 'file with the customer message (default: stdin, or ask)')
    .option('-t, --text <text>', 'the customer message')
    .option('-n, --name <name>', "the customer's name")
    .addOption(choice('-c, --channel <channel>', 'where the message was posted', CHANNELS))
    .addOption(choice('--type <type>', 'kind of message', MESSAGE_TYPES))
    .addOption(choice('-p, --persona <persona>', 'kind of customer', PERSONAS))
    .option('--sensitive', 'money, health, personal data, legal or safety: move it to a private channel')
    .option('--no-sensitive', 'nothing sensitive')
    .addOption(choice('--fault <fault>', 'whose fault it is', FAULTS))
    .option('-a, --action <text>', 'what we will do next, used verbatim')
    .addOption(choice('--topic <topic>', 'what the message is about', TOPICS))
    .addOption(choice('--intent <intent>', 'what you plan to do with the post', INTENTS))
    .addOption(choice('-l, --lang <lang>', 'language of the reply (default: the message’s)', LANGS))
    .option('--formal', 'formal register ("u" in Dutch)')
    .option('--informal', 'informal register ("je" in Dutch; the default)')
    .option('--agent <name>', 'who signs the reply')
    .option('--company <name>', 'company name')
    .option('--templates <dir>', 'directory with your own templates')
    .option('--variant <n>', 'pick another phrasing (1, 2, 3, ...)', wholeNumber)
    .option('-y, --yes', 'accept every suggestion, ask nothing')
    .option('--again', 'start from the answers of the last draft')
    .option('--json', 'print the draft as JSON')
    .addHelpText(
      'after',
      `\nWithout a terminal (or with --yes) nothing is asked: flags, config and the message's own cues decide.\n` +
        `Messages are limited to ${MAX_TEXT_BYTES / 1024} KB.`,
    )
    .action(async (file: string | undefined, options) => {
      const { runDraft } = await import('./commands/draft.js');
      await runDraft(file, options);
    });

  program
    .command('check')
    .description('lint reply drafts for the webcare anti-patterns')
    .argument('[files...]', 'files with reply drafts (default: stdin)')
    .option('-t, --text <text>', 'the reply to check')
    .option('--jsonl', 'read {"id", "text"} per line from stdin or the file, write one result per line')
    .option('--json', 'print findings as JSON')
    .addOption(choice('-l, --lang <lang>', 'force the language (default: detected per text)', LANGS))
    .addOption(choice('-c, --channel <channel>', 'channel the reply is for (length limits)', CHANNELS))
    .option('--disable <rules>', 'comma-separated rule ids to skip', ruleList)
    .option('--allow <phrase>', 'a word or phrase that never triggers a rule (repeatable)', (v, p: string[] = []) => [...p, v])
    .addHelpText('after', `\nReplies are limited to ${MAX_TEXT_BYTES / 1024} KB each.`)
    .action(async (files: string[], options) => {
      const { runCheck } = await import('./commands/check.js');
      await runCheck(files, options);
    });

  program
    .command('classify')
    .description('suggest type, persona, topic, language, sensitivity and fault for a message, with the cues')
    .argument('[file]', 'file with the customer message (default: stdin)')
    .option('-t, --text <text>', 'the customer message')
    .addOption(choice('-l, --lang <lang>', 'force the language', LANGS))
    .option('--json', 'print as JSON')
    .addHelpText('after', `\nMessages are limited to ${MAX_TEXT_BYTES / 1024} KB.`)
    .action(async (file: string | undefined, options) => {
      const { runClassify } = await import('./commands/classify.js');
      await runClassify(file, options);
    });

  program
    .command('batch')
    .description('draft a reply for every message in a JSONL or CSV export, streaming')
    .argument('[file]', 'the export (default: stdin)')
    .addOption(new Option('--format <format>', 'input format').choices(['jsonl', 'csv']).default('jsonl'))
    .addOption(new Option('--output-format <format>', 'output format').choices(['jsonl', 'csv']).default('jsonl'))
    .option('-o, --out <file>', 'write to this file (atomically) instead of stdout')
    .option('--fail-fast', 'stop at the first bad line')
    .addOption(choice('-l, --lang <lang>', 'language when a line gives none (default: detected)', LANGS))
    .option('--formal', 'formal register ("u" in Dutch)')
    .option('--informal', 'informal register ("je" in Dutch)')
    .option('--agent <name>', 'who signs the replies')
    .option('--company <name>', 'company name')
    .option('--templates <dir>', 'directory with your own templates')
    .addHelpText(
      'after',
      `\nMessages are limited to ${MAX_TEXT_BYTES / 1024} KB and lines to ${MAX_LINE_BYTES / 1024 / 1024} MB; ` +
        'a longer one is reported with its line number and the run goes on.',
    )
    .action(async (file: string | undefined, options) => {
      const { runBatch } = await import('./commands/batch.js');
      await runBatch(file, options);
    });

  const templates = program.command('templates').description('list, show, copy and check the reply templates');
  templates
    .command('list')
    .description('every template and partial, and whether your copy overrides it')
    .option('--templates <dir>', 'your templates directory')
    .action(async (options) => {
      const { runTemplatesList } = await import('./commands/templates.js');
      await runTemplatesList(options);
    });
  templates
    .command('show')
    .description('print one template, e.g. nl/persona/aggressive')
    .argument('<name>')
    .option('--templates <dir>', 'your templates directory')
    .action(async (name: string, options) => {
      const { runTemplatesShow } = await import('./commands/templates.js');
      await runTemplatesShow(name, options);
    });
  templates
    .command('init')
    .description('copy the built-in templates to a directory to edit')
    .argument('<dir>')
    .option('-f, --force', 'overwrite existing files')
    .action(async (dir: string, options) => {
      const { runTemplatesInit } = await import('./commands/templates.js');
      await runTemplatesInit(dir, options);
    });
  templates
    .command('path')
    .description('where templates are read from')
    .option('--templates <dir>', 'your templates directory')
    .action(async (options) => {
      const { runTemplatesPath } = await import('./commands/templates.js');
      await runTemplatesPath(options);
    });
  templates
    .command('check')
    .description('render every combination with sample answers and lint the results')
    .option('--templates <dir>', 'your templates directory')
    .option('--json', 'print the failing combinations as JSON')
    .option('--all', 'every sample answer and phrasing too, not only every pair of them (slower)')
    .action(async (options) => {
      const { runTemplatesCheck } = await import('./commands/templates.js');
      await runTemplatesCheck(options);
    });

  program
    .command('guide')
    .description('the playbook: the nine customer types, or one of them, or the anti-patterns')
    .argument('[topic]', `a persona (${PERSONAS.join(', ')}) or "antipatterns"`)
    .addOption(choice('-l, --lang <lang>', 'language', LANGS))
    .action(async (topic: string | undefined, options) => {
      const { runGuide } = await import('./commands/guide.js');
      await runGuide(topic, options);
    });

  const config = program.command('config').description('settings: agent, company, language, channel, templates, ...');
  config
    .command('set')
    .argument('<key>')
    .argument('<value>')
    .action(async (key: string, value: string) => {
      const { runConfigSet } = await import('./commands/config.js');
      await runConfigSet(key, value);
    });
  config
    .command('get')
    .argument('<key>')
    .action(async (key: string) => {
      const { runConfigGet } = await import('./commands/config.js');
      runConfigGet(key);
    });
  config
    .command('unset')
    .argument('<key>')
    .action(async (key: string) => {
      const { runConfigUnset } = await import('./commands/config.js');
      await runConfigUnset(key);
    });
  config.command('list').action(async () => {
    const { runConfigList } = await import('./commands/config.js');
    runConfigList();
  });
  config.command('path').action(async () => {
    const { runConfigPath } = await import('./commands/config.js');
    runConfigPath();
  });

  return program;
}
