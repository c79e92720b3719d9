import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PtySession, hasTmux } from './pty.js';

// CI installs tmux (.ci/run); a developer machine without it skips these, and says so.
const suite = hasTmux || process.env.CI ? describe : describe.skip;

const COMPLAINT = 'Waar blijft mijn pakket?? Al een week te laat.';

suite('webcare draft in a terminal, with the message piped in', () => {
  let session: PtySession | undefined;
  afterEach(() => session?.close());

  it('asks on the terminal, takes arrow keys and Enter, and prints the accepted reply on stdout', async () => {
    session = new PtySession(['draft', '--agent', 'Sanne'], { pipe: COMPLAINT });
    await session.waitFor(/Customer's name/);
    session.type('Marja');
    session.send('Enter');
    await session.waitFor(/\? Channel/);
    session.send('Down', 'Enter'); // x -> facebook
    await session.waitFor(/✔ Channel facebook/);
    for (const question of [/Kind of message/, /Kind of customer/, /Sensitive/, /Whose fault/, /What it is about/, /What will you do/, /What will we do next/, /Language/]) {
      await session.waitFor(question);
      session.send('Enter');
    }
    const screen = await session.waitFor(/Use this reply\?/);
    expect(screen).toMatch(/Reply \(facebook, nl/);
    session.send('Enter');
    expect(await session.exitCode()).toBe(0);
    expect(session.stdout()).toMatch(/^(Hoi|Hi|Hey) Marja,\n\n/);
    expect(session.stdout()).toMatch(/Sanne\n$/);
  });

  it('exits 130 on Ctrl-C, with no stack trace and nothing on stdout', async () => {
    session = new PtySession(['draft'], { pipe: COMPLAINT });
    await session.waitFor(/Customer's name/);
    session.send('C-c');
    expect(await session.exitCode()).toBe(130);
    expect(session.stdout()).toBe('');
    expect(session.screen()).not.toMatch(/\n\s+at |Error:/);
  });

  it('warns before deleting an ordinary complaint and offers to reply instead', async () => {
    session = new PtySession(['draft', '--name', 'Marja', '--intent', 'delete', '--channel', 'x', '--type', 'complaint', '--persona', 'meek', '--no-sensitive', '--fault', 'company', '--topic', 'delivery', '--action', '', '--lang', 'nl'], {
      pipe: COMPLAINT,
    });
    const screen = await session.waitFor(/Reply instead\?/);
    expect(screen).toMatch(/olievlekeffect/);
    session.send('Enter');
    await session.waitFor(/Use this reply\?/);
    session.send('Enter');
    expect(await session.exitCode()).toBe(0);
    expect(session.stdout()).toMatch(/Marja/);
  });

  it('offers another phrasing and changing an answer before accepting', async () => {
    session = new PtySession(['draft', '--name', 'Marja', '--channel', 'x', '--type', 'complaint', '--persona', 'meek', '--no-sensitive', '--fault', 'company', '--topic', 'delivery', '--intent', 'reply', '--action', '', '--lang', 'nl'], {
      pipe: COMPLAINT,
    });
    const first = await session.waitFor(/Use this reply\?/);
    session.send('Down', 'Down', 'Enter'); // Try another phrasing
    await session.waitFor(/Use this reply\?[\s\S]*Use this reply\?/);
    session.send('Down', 'Down', 'Down', 'Enter'); // Change an answer
    await session.waitFor(/Which answer\?/);
    session.send('Down', 'Down', 'Down', 'Enter'); // persona
    await session.waitFor(/\? Kind of customer/);
    session.send('Down', 'Enter'); // aggressive
    await session.waitFor(/agressief/);
    session.send('Enter');
    expect(await session.exitCode()).toBe(0);
    expect(first).toMatch(/Sorry|sorry/);
    expect(session.stdout()).not.toMatch(/Sorry|sorry/);
  });
});

suite('webcare draft in a terminal, with no message given', () => {
  let session: PtySession | undefined;
  afterEach(() => session?.close());

  it('asks for the message to be pasted, ended by an empty line, then asks its questions', async () => {
    session = new PtySession(['draft', '--agent', 'Sanne']);
    await session.waitFor(/Paste the customer's message/);
    session.type('Waar blijft mijn pakket?? Al een week te laat.');
    session.send('Enter', 'Enter');
    await session.waitFor(/Customer's name/);
    expect(session.screen()).not.toMatch(/webcare: /);
    session.send('C-c');
    expect(await session.exitCode()).toBe(130);
  });
});

suite('webcare draft in a terminal, edited in the editor', () => {
  let session: PtySession | undefined;
  afterEach(() => session?.close());

  it('opens $EDITOR on the reply, checks the edit again, and prints the edited reply', async () => {
    const answers = ['--name', 'Marja', '--channel', 'facebook', '--type', 'complaint', '--persona', 'meek', '--no-sensitive',
      '--fault', 'company', '--topic', 'delivery', '--intent', 'reply', '--action', '', '--lang', 'nl'];
    // A temporary folder with a space in its path, as on many Windows and macOS machines.
    const spaced = join(mkdtempSync(join(tmpdir(), 'webcare test ')), 'tmp dir');
    mkdirSync(spaced);
    const env = { EDITOR: "sed -i '1s/.*/BESTE KLANT,/'", TMPDIR: spaced };
    session = new PtySession(['draft', '--text', COMPLAINT, ...answers], { env });
    await session.waitFor(/Use this reply\?/);
    session.send('Down', 'Enter'); // Edit it in your editor
    // The edit is checked again: "BESTE KLANT" is boilerplate, and shouted.
    await session.waitFor(/impersonal/);
    await session.waitFor(/Use this reply\?/);
    session.send('Enter');
    // Accepted as edited, and the exit code says it has findings.
    expect(await session.exitCode()).toBe(1);
    expect(session.stdout()).toMatch(/^BESTE KLANT,\n/);
  });
});
