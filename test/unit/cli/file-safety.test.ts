/**
 * Issue 11: nothing lost, nothing leaked. Safe --fix writes (kill, full disk, permission, edits
 * and deletions while running), links out of the workspace, outputs that must not clobber, image
 * embedding, team schemas and configs from outside the repository, non-regular files and caps.
 */
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import {
  chmodSync, chownSync, existsSync, lstatSync, readdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, truncateSync,
  unlinkSync, utimesSync, watch, writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { fixText } from '../../../src/core/lint/fix.js';
import { readInside, replaceIfUnchanged, type Snapshot } from '../../../src/cli/safe-fs.js';
import { BROKEN_SOP, CLEAN_SOP, cleanUpWorkspaces, sopkit, TODAY, workspace } from './helpers.js';
import { asUnprivileged, openToAll, runCliSync, spawnCli } from './spawn.js';

after(cleanUpWorkspaces);

const today = { today: '2026-11-23' };
/** A fixable SOP made big enough that writing it takes a moment. */
const bigBroken = (i: number, kb = 20) => BROKEN_SOP.replace('Open on time with everything ready.', `Copy ${i}. ${'Open on time with everything ready. '.repeat(Math.ceil((kb * 1024) / 36))}`);
const fixed = (text: string) => fixText(text, today).text;
const snapshotOf = (path: string): Snapshot => {
  const read = readInside(path, join(path, '..'));
  assert.ok(!('reason' in read), JSON.stringify(read));
  return (read as { snapshot: Snapshot }).snapshot;
};

describe('--fix writes safely (issue 11, data loss 1, 2 and 4)', function () {
  this.timeout(120000);

  it('a SIGKILL during a fix of many files leaves every file either the original or the fixed text', async () => {
    for (let attempt = 0; attempt < 4; attempt++) {
      const files: Record<string, string> = {};
      for (let i = 0; i < 300; i++) files[`sops/${String(i).padStart(3, '0')}.md`] = bigBroken(i);
      const dir = workspace(files);
      const child = spawnCli(dir, ['lint', 'sops', '--fix', ...TODAY]);
      let events = 0;
      // Killed once writing has begun (the 30th change in the folder): mid-run, mid-write.
      const watcher = watch(join(dir, 'sops'), () => { if (++events === 30) child.kill('SIGKILL'); });
      await new Promise((done) => child.on('exit', done));
      watcher.close();
      let original = 0;
      let fixedCount = 0;
      for (const [path, text] of Object.entries(files)) {
        const now = readFileSync(join(dir, path), 'utf8');
        if (now === text) original++;
        else if (now === fixed(text)) fixedCount++;
        else assert.fail(`${path} is neither the original nor the fixed text (${now.length} bytes, original ${text.length})`);
      }
      for (const name of readdirSync(join(dir, 'sops'))) assert.ok(name.endsWith('.md') || /^\..*\.sopkit-\d+-[0-9a-f]+\.tmp$/.test(name), `unexpected file ${name}`);
      if (original > 0 && events >= 30) return; // the kill landed mid-run: checked
    }
    assert.fail('the CLI finished before it could be killed mid-run in 4 attempts');
  });

  it('a write that fails (file size limit, as on a full disk) leaves the original and reports the problems of the text on disk', () => {
    const text = bigBroken(1, 200);
    const dir = workspace({ 'a.md': text });
    const run = runCliSync(dir, ['lint', 'a.md', '--fix', '-f', 'json', ...TODAY], { fileSizeLimitKb: 64 });
    assert.equal(readFileSync(join(dir, 'a.md'), 'utf8'), text, 'the original is untouched');
    assert.equal(run.code, 2, run.stderr);
    assert.match(run.stderr, /a\.md: skipped, not fixed, the file is unchanged: the new text could not be written/);
    const [result] = JSON.parse(run.stdout);
    // The report is about the text on disk: the fixable problems are still there.
    assert.ok(result.messages.some((m: { ruleId: string }) => m.ruleId === 'required-section'), JSON.stringify(result.messages));
    assert.ok(result.messages.some((m: { ruleId: string }) => m.ruleId === 'checklist-item'));
    assert.doesNotMatch(run.stdout + run.stderr, /fixed 1 file/);
    assert.deepEqual(readdirSync(dir).filter((n) => n.endsWith('.tmp')), [], 'the temporary file is removed');
  });

  it('a folder it may not write in leaves the original, and says why', function () {
    if (process.platform === 'win32') this.skip();
    const dir = workspace({ 'ro/a.md': BROKEN_SOP });
    openToAll(dir);
    chmodSync(join(dir, 'ro/a.md'), 0o666);
    chmodSync(join(dir, 'ro'), 0o555);
    try {
      const run = runCliSync(dir, ['lint', 'ro', '--fix', ...TODAY], { unprivileged: true });
      assert.equal(readFileSync(join(dir, 'ro/a.md'), 'utf8'), BROKEN_SOP);
      assert.equal(run.code, 2, run.stderr);
      assert.match(run.stderr, /a\.md: skipped, not fixed, the file is unchanged: a temporary file could not be created in its folder \(permission denied\)/);
      assert.match(run.stdout, /Missing section 'Scope'/, 'reports the problems of the text on disk');
    } finally {
      chmodSync(join(dir, 'ro'), 0o755);
    }
  });

  it('keeps the file mode and owner', async function () {
    const dir = workspace({ 'a.md': BROKEN_SOP });
    chmodSync(join(dir, 'a.md'), 0o640);
    if (asUnprivileged.uid !== undefined) chownSync(join(dir, 'a.md'), asUnprivileged.uid, asUnprivileged.gid!);
    const before = statSync(join(dir, 'a.md'));
    await sopkit(dir, ['lint', '--fix', ...TODAY]);
    const after = statSync(join(dir, 'a.md'));
    assert.equal(readFileSync(join(dir, 'a.md'), 'utf8'), fixed(BROKEN_SOP));
    assert.notEqual(after.ino, before.ino, 'replaced by rename, not rewritten in place');
    assert.equal(after.mode & 0o7777, 0o640);
    assert.equal(after.uid, before.uid);
    assert.equal(after.gid, before.gid);
  });

  it('never overwrites a file changed after it was read, and never re-creates a deleted one (helper)', () => {
    const dir = workspace({ 'a.md': BROKEN_SOP, 'b.md': BROKEN_SOP, 'c.md': BROKEN_SOP, 'd.md': BROKEN_SOP });
    const [a, b, c, d] = ['a.md', 'b.md', 'c.md', 'd.md'].map((n) => snapshotOf(join(dir, n)));
    const newText = Buffer.from(fixed(BROKEN_SOP));
    writeFileSync(join(dir, 'a.md'), `${BROKEN_SOP}edited\n`);
    unlinkSync(join(dir, 'b.md'));
    // Same size, same modification time, other content: caught by the content hash.
    const kept = statSync(join(dir, 'c.md'));
    writeFileSync(join(dir, 'c.md'), BROKEN_SOP.replace('Unlock', 'UNLOCK'));
    utimesSync(join(dir, 'c.md'), kept.atime, kept.mtime);
    assert.deepEqual(replaceIfUnchanged(a, newText), { reason: 'changed while sopkit was running; not fixed', kind: 'changed' });
    assert.equal(readFileSync(join(dir, 'a.md'), 'utf8'), `${BROKEN_SOP}edited\n`);
    assert.equal((replaceIfUnchanged(b, newText) as { kind: string }).kind, 'changed');
    assert.equal(existsSync(join(dir, 'b.md')), false, 'a deleted file is not re-created');
    assert.equal((replaceIfUnchanged(c, newText) as { kind: string }).kind, 'changed');
    assert.equal(readFileSync(join(dir, 'c.md'), 'utf8'), BROKEN_SOP.replace('Unlock', 'UNLOCK'));
    assert.deepEqual(replaceIfUnchanged(d, newText), { ok: true });
    assert.equal(readFileSync(join(dir, 'd.md'), 'utf8'), fixed(BROKEN_SOP));
  });

  it('edits and deletions made while --fix runs win over the fix', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 150; i++) files[`s/${String(i).padStart(3, '0')}.md`] = bigBroken(i, 4);
    const dir = workspace(files);
    const names = Object.keys(files);
    const child = spawnCli(dir, ['lint', 's', '--fix', ...TODAY]);
    let running = true;
    child.on('exit', () => { running = false; });
    const edited = new Map<string, string>();
    const deleted = new Set<string>();
    let k = 0;
    // Starts touching files once the run has started writing, then every few milliseconds.
    await new Promise<void>((started) => { const w = watch(join(dir, 's'), () => { w.close(); started(); }); });
    while (running && k < names.length) {
      const name = names[(k * 7919) % names.length];
      k++;
      if (edited.has(name) || deleted.has(name)) continue;
      if (k % 3 === 0) {
        rmSync(join(dir, name), { force: true });
        deleted.add(name);
      } else {
        // Written aside and renamed into place, as editors save.
        const text = `${files[name]}\nEdited by a person ${k}.\n`;
        writeFileSync(join(dir, `${name}.new`), text);
        renameSync(join(dir, `${name}.new`), join(dir, name));
        edited.set(name, text);
      }
      await new Promise((r) => setTimeout(r, 4));
    }
    await new Promise((done) => (running ? child.on('exit', done) : done(undefined)));
    assert.ok(edited.size > 5, `touched ${edited.size} files while the run was going`);
    for (const name of deleted) assert.equal(existsSync(join(dir, name)), false, `${name} was deleted and must stay deleted`);
    for (const [name, text] of edited) {
      const now = readFileSync(join(dir, name), 'utf8');
      // Edited before sopkit read it: fixed from the edit. After: the edit stays. Never the old text's fix.
      assert.ok(now === text || now === fixed(text), `${name}: the person's edit was lost`);
    }
  });
});

describe('links, outputs and the cache never write to the wrong file (issue 11, data loss 3)', () => {
  it('lint --fix . does not modify a file outside the folder through a link, nor read it', async () => {
    const outer = workspace({ 'outside.txt': BROKEN_SOP, 'repo/a.md': BROKEN_SOP });
    symlinkSync('../outside.txt', join(outer, 'repo/evil.md'));
    const run = await sopkit(join(outer, 'repo'), ['lint', '--fix', '.', ...TODAY]);
    assert.equal(readFileSync(join(outer, 'outside.txt'), 'utf8'), BROKEN_SOP);
    assert.equal(readFileSync(join(outer, 'repo/a.md'), 'utf8'), fixed(BROKEN_SOP));
    assert.match(run.stderr, /evil\.md: skipped, it is a link to .*outside\.txt outside .*repo; not read/);
    assert.equal(run.code, 2);
  });

  it('a link inside the workspace is fixed at its target, which stays a link target', async () => {
    const dir = workspace({ 'real/a.md': BROKEN_SOP });
    symlinkSync('real/a.md', join(dir, 'alias.md'));
    await sopkit(dir, ['lint', '--fix', 'alias.md', ...TODAY]);
    assert.ok(lstatSync(join(dir, 'alias.md')).isSymbolicLink());
    assert.equal(readFileSync(join(dir, 'real/a.md'), 'utf8'), fixed(BROKEN_SOP));
  });

  it('the cache is never written through a link, over an SOP, or over a file that is not a sopkit cache', async () => {
    const outer = workspace({ 'home/.bashrc': 'export PATH=/usr/bin\n', 'repo/a.md': CLEAN_SOP, 'repo/notes.json': '{"mine": true}\n' });
    const repo = join(outer, 'repo');
    symlinkSync('../home/.bashrc', join(repo, '.sopkit-cache'));
    const linked = await sopkit(repo, ['lint', '--cache', ...TODAY]);
    assert.equal(readFileSync(join(outer, 'home/.bashrc'), 'utf8'), 'export PATH=/usr/bin\n');
    assert.match(linked.stderr, /the cache was not written to .*\.sopkit-cache: it is a symbolic link/);
    assert.equal(linked.code, 0, 'a cache that cannot be written is not a lint failure');

    const sop = await sopkit(repo, ['lint', '--cache', '--cache-location', 'a.md', ...TODAY]);
    assert.equal(readFileSync(join(repo, 'a.md'), 'utf8'), CLEAN_SOP);
    assert.match(sop.stderr, /the cache was not written to .*a\.md: it is one of the files being linted/);

    await sopkit(repo, ['lint', '--cache', '--cache-location', 'notes.json', ...TODAY]);
    assert.equal(readFileSync(join(repo, 'notes.json'), 'utf8'), '{"mine": true}\n');
  });

  it('render x.md -o x.md is refused; render -o never replaces an existing or non-HTML file without --force', async () => {
    const dir = workspace({ 'x.md': CLEAN_SOP, 'notes.txt': 'my notes\n' });
    const same = await sopkit(dir, ['render', 'x.md', '-o', 'x.md', ...TODAY]);
    assert.equal(same.code, 2);
    assert.match(same.stderr, /'x\.md' is the SOP being rendered/);
    assert.equal(readFileSync(join(dir, 'x.md'), 'utf8'), CLEAN_SOP);
    symlinkSync('x.md', join(dir, 'alias.html'));
    assert.equal((await sopkit(dir, ['render', 'x.md', '-o', 'alias.html', '--force', ...TODAY])).code, 2);
    assert.equal(readFileSync(join(dir, 'x.md'), 'utf8'), CLEAN_SOP);

    assert.equal((await sopkit(dir, ['render', 'x.md', '-o', 'notes.txt', ...TODAY])).code, 2);
    const forced = await sopkit(dir, ['render', 'x.md', '-o', 'notes.txt', '--force', ...TODAY]);
    assert.equal(forced.code, 2);
    assert.match(forced.stderr, /not an HTML file/);
    assert.equal(readFileSync(join(dir, 'notes.txt'), 'utf8'), 'my notes\n');

    assert.equal((await sopkit(dir, ['render', 'x.md', '-o', 'out.html', ...TODAY])).code, 0);
    const again = await sopkit(dir, ['render', 'x.md', '-o', 'out.html', ...TODAY]);
    assert.equal(again.code, 2);
    assert.match(again.stderr, /'out\.html' already exists; use --force/);
    assert.equal((await sopkit(dir, ['render', 'x.md', '-o', 'out.html', '--force', ...TODAY])).code, 0);
    assert.match(readFileSync(join(dir, 'out.html'), 'utf8'), /^<!doctype html>/i);
  });

  it('new -o does not follow a dangling link past its "already exists" guard', async () => {
    const dir = workspace({ 'victim/.keep': '' });
    symlinkSync(join(dir, 'victim/created-by-link.md'), join(dir, 'new.md'));
    const run = await sopkit(dir, ['new', '-t', 'escalation-of-complex-issues', '--set', 'business_name=Acme', '-o', 'new.md', ...TODAY]);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /'new\.md' already exists|symbolic link/);
    assert.equal(existsSync(join(dir, 'victim/created-by-link.md')), false);
    const forced = await sopkit(dir, ['new', '-t', 'escalation-of-complex-issues', '--set', 'business_name=Acme', '-o', 'new.md', '--force', ...TODAY]);
    assert.equal(forced.code, 2);
    assert.match(forced.stderr, /symbolic link/);
    assert.equal(existsSync(join(dir, 'victim/created-by-link.md')), false);
  });
});

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4590000000049454e44ae426082', 'hex');

describe('render embeds only images inside the repository (issue 11, disclosure 5)', function () {
  this.timeout(30000);
  const page = (images: string[]) => `${CLEAN_SOP}\n## Pictures\n\n${images.map((src) => `![i](${src})`).join('\n\n')}\n`;
  const embedded = (html: string) => [...html.matchAll(/src="data:([^;]+);base64,([^"]*)"/g)].map((m) => Buffer.from(m[2], 'base64'));

  it('refuses links and paths out of the repository, %-encoded ones too, and wrong magic bytes; embeds a real PNG', async () => {
    const outer = workspace({ 'outside/secret.png': 'root:x:0:0:secret\n', 'repo/.git/HEAD': 'ref: refs/heads/main\n', 'repo/docs/ok.png': PNG, 'repo/docs/fake.png': 'not a png at all\n' });
    const docs = join(outer, 'repo/docs');
    symlinkSync(join(outer, 'outside/secret.png'), join(docs, 'diagram.png'));
    writeFileSync(join(docs, 'x.md'), page(['diagram.png', '../../outside/secret.png', '%2e%2e/%2e%2e/outside/secret.png', 'fake.png', 'ok.png']));
    const run = await sopkit(docs, ['render', 'x.md', ...TODAY]);
    assert.equal(run.code, 0, run.stderr);
    const images = embedded(run.stdout);
    assert.equal(images.length, 1);
    assert.deepEqual(images[0], PNG);
    assert.doesNotMatch(run.stdout, /cm9vdDp4OjA6MDpzZWNyZXQ|root:x:0/, 'the secret is not in the page');
    assert.match(run.stderr, /image 'diagram\.png' not embedded: it is a link to .*secret\.png outside /);
    assert.match(run.stderr, /image '\.\.\/\.\.\/outside\/secret\.png' not embedded: it lies outside /);
    assert.match(run.stderr, /image 'fake\.png' not embedded: it is not a png file/);
  });

  it('a FIFO or the zero device as an image does not hang; a malformed % escape skips the image with a warning', async function () {
    if (process.platform === 'win32') this.skip();
    const dir = workspace({});
    execFileSync('mkfifo', [join(dir, 'pipe.png')]);
    symlinkSync('/dev/zero', join(dir, 'zero.png'));
    writeFileSync(join(dir, 'x.md'), page(['pipe.png', 'zero.png', 'bad%E0%A4%A.png']));
    const run = runCliSync(dir, ['render', 'x.md', ...TODAY], { timeout: 20000 });
    assert.equal(run.signal, null, 'finished by itself');
    assert.equal(run.code, 0, run.stderr);
    assert.equal(embedded(run.stdout).length, 0);
    assert.match(run.stderr, /image 'bad%E0%A4%(25)?A\.png' not embedded: its path has a malformed % escape/);
    assert.match(run.stderr, /image 'pipe\.png' not embedded: it is a named pipe/);
  });
});

describe('team schemas and configs from outside the repository (issue 11, disclosure 6 and 7)', () => {
  it('a team schema that links out of the repository, or an absolute path outside it, is refused without quoting it', async () => {
    const outer = workspace({ 'etc/passwd': 'root:x:0:0:root:/root:/bin/bash\n', 'repo/.git/HEAD': '', 'repo/a.md': CLEAN_SOP, 'repo/.sopkit.yaml': 'schema: team.json\n' });
    const repo = join(outer, 'repo');
    symlinkSync(join(outer, 'etc/passwd'), join(repo, 'team.json'));
    const linked = await sopkit(repo, ['lint', ...TODAY]);
    assert.equal(linked.code, 2);
    assert.match(linked.stderr, /team\.json'?, which cannot be read \(it is a link to .*passwd outside/);
    assert.doesNotMatch(linked.stderr, /root:x/);

    const noRepo = workspace({ 'sops/a.md': CLEAN_SOP, 'sops/.sopkit.yaml': `schema: ${join(outer, 'etc/passwd')}\n` });
    const absolute = await sopkit(join(noRepo, 'sops'), ['lint', ...TODAY]);
    assert.equal(absolute.code, 2);
    assert.match(absolute.stderr, /outside the workspace/);
    assert.doesNotMatch(absolute.stderr, /root:x/);
  });

  it('a schema that is not JSON is reported by name and place only', async () => {
    const dir = workspace({ '.git/HEAD': '', 'a.md': CLEAN_SOP, '.sopkit.yaml': 'schema: team.json\n', 'team.json': 'root:x:0:0:root:/root:/bin/bash\n' });
    const run = await sopkit(dir, ['lint', ...TODAY]);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /team\.json:1:1: The schema is not valid JSON/);
    assert.doesNotMatch(run.stderr, /root:x|bash/);
  });

  it('a .sopkit.yaml above the repository root is not read; --print-config says where the search stopped', async () => {
    const outer = workspace({ '.sopkit.yaml': 'rules: { required-section: off, checklist-item: off }\n', 'repo/.git/HEAD': '', 'repo/a.md': BROKEN_SOP });
    const repo = join(outer, 'repo');
    const run = await sopkit(repo, ['lint', '-f', 'json', ...TODAY]);
    assert.ok(JSON.parse(run.stdout)[0].messages.some((m: { ruleId: string }) => m.ruleId === 'required-section'), 'the parent config did not turn the rule off');
    const printed = JSON.parse((await sopkit(repo, ['lint', '--print-config', 'a.md', ...TODAY])).stdout);
    assert.deepEqual(printed.configs, []);
    assert.equal(printed.searchStoppedAt, repo);
    assert.match(printed.searchStoppedBecause, /repository root/);
  });
});

describe('judgement calls of the file-safety review (issue 11)', () => {
  it('a .git that another user owns (say, /tmp/.git) does not make its folder the repository root', function () {
    // Only root can give a file to another user; CI runs as root.
    if (process.getuid?.() !== 0) this.skip();
    const outer = workspace({ '.sopkit.yaml': 'rules: { required-section: off }\n', '.git/HEAD': '', 'inner/a.md': BROKEN_SOP });
    const inner = join(outer, 'inner');
    const lintIn = () => JSON.parse(runCliSync(inner, ['lint', 'a.md', '-f', 'json', ...TODAY]).stdout)[0].messages.map((m: { ruleId: string }) => m.ruleId);
    // Owned by the user running sopkit, the .git marks the repository and its config applies.
    assert.ok(!lintIn().includes('required-section'));
    chownSync(join(outer, '.git'), 65534, 65534);
    assert.ok(lintIn().includes('required-section'), "the other user's folder config was applied");
    const printed = JSON.parse(runCliSync(inner, ['lint', '--print-config', 'a.md', ...TODAY]).stdout);
    assert.deepEqual(printed.configs, []);
    assert.equal(printed.searchStoppedAt, inner);
  });

  it('--fix keeps the permission bits and drops set-user-ID and set-group-ID', function () {
    if (process.platform === 'win32') this.skip();
    const dir = workspace({ 'a.md': BROKEN_SOP, 'b.md': BROKEN_SOP });
    chmodSync(join(dir, 'a.md'), 0o6754);
    chmodSync(join(dir, 'b.md'), 0o640);
    runCliSync(dir, ['lint', '--fix', 'a.md', 'b.md', ...TODAY]);
    assert.notEqual(readFileSync(join(dir, 'a.md'), 'utf8'), BROKEN_SOP, 'a.md was fixed');
    assert.equal(statSync(join(dir, 'a.md')).mode & 0o7777, 0o754);
    assert.equal(statSync(join(dir, 'b.md')).mode & 0o7777, 0o640);
  });
});

describe('non-regular files and caps (issue 11, hangs 8)', function () {
  this.timeout(30000);

  it('a FIFO or the zero device named on the command line is refused with one line, without hanging', function () {
    if (process.platform === 'win32') this.skip();
    const dir = workspace({ 'a.md': CLEAN_SOP });
    execFileSync('mkfifo', [join(dir, 'pipe.md')]);
    const run = runCliSync(dir, ['lint', 'pipe.md', '/dev/zero', 'a.md', ...TODAY], { timeout: 20000 });
    assert.equal(run.signal, null, 'finished by itself');
    assert.equal(run.code, 2);
    assert.match(run.stderr, /pipe\.md: skipped, it is a named pipe \(FIFO\), not a regular file; not read\n/);
    assert.match(run.stderr, /\/dev\/zero: skipped, it is a device, not a regular file; not read\n/);
    assert.match(run.stdout, /1 SOP checked, no problems/);
  });

  it('a file larger than 32 MB is refused without being read', async () => {
    const dir = workspace({ 'a.md': CLEAN_SOP });
    writeFileSync(join(dir, 'huge.md'), '');
    truncateSync(join(dir, 'huge.md'), 33 * 1024 * 1024);
    const run = await sopkit(dir, ['lint', ...TODAY]);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /huge\.md: skipped, it is larger than 32 MB; not read/);
  });
});

describe('folders, names and the cache (issue 11, smaller)', () => {
  const stats = (stderr: string) => /cache (\d+) hit\(s\), (\d+) miss\(es\)/.exec(stderr)?.slice(1).map(Number);

  it('a folder loop through a link lints each file once', async () => {
    const dir = workspace({ 'sops/a.md': CLEAN_SOP, 'sops/sub/b.md': CLEAN_SOP });
    symlinkSync('..', join(dir, 'sops/sub/loop'));
    const run = await sopkit(dir, ['lint', 'sops', '-f', 'json', ...TODAY]);
    assert.deepEqual(JSON.parse(run.stdout).map((r: { filePath: string }) => r.filePath), [join(dir, 'sops/a.md'), join(dir, 'sops/sub/b.md')]);
  });

  it('a file whose name is not UTF-8 is linted, not reported missing', async function () {
    if (process.platform !== 'linux') this.skip();
    const dir = workspace({ 'ok.md': CLEAN_SOP });
    writeFileSync(Buffer.concat([Buffer.from(`${dir}/caf`), Buffer.from([0xe9]), Buffer.from('.md')]), BROKEN_SOP);
    const run = await sopkit(dir, ['lint', '-f', 'json', ...TODAY]);
    assert.doesNotMatch(run.stderr, /does not exist/);
    const results = JSON.parse(run.stdout);
    assert.equal(results.length, 2);
    assert.ok(results.some((r: { filePath: string; errorCount: number }) => r.filePath.includes('caf') && r.errorCount > 0));
  });

  it('the cache notices a same-size edit that kept the modification time', async () => {
    const dir = workspace({ 'a.md': CLEAN_SOP });
    // A whole-second time, so it can be put back exactly.
    utimesSync(join(dir, 'a.md'), 1_700_000_000, 1_700_000_000);
    await sopkit(dir, ['lint', '--cache', ...TODAY]);
    const edited = CLEAN_SOP.replace('Resolve billing questions on the first call.', 'Resolve billing questions on the first TBD..');
    assert.equal(edited.length, CLEAN_SOP.length);
    writeFileSync(join(dir, 'a.md'), edited);
    utimesSync(join(dir, 'a.md'), 1_700_000_000, 1_700_000_000);
    const run = await sopkit(dir, ['lint', '--cache', ...TODAY], { verbose: true });
    assert.deepEqual(stats(run.stderr), [0, 1]);
    assert.match(run.stdout, /placeholder/);
  });

  it('a cache entry of the wrong shape is ignored and rebuilt', async () => {
    const dir = workspace({ 'a.md': CLEAN_SOP });
    await sopkit(dir, ['lint', '--cache', ...TODAY]);
    const cache = JSON.parse(readFileSync(join(dir, '.sopkit-cache'), 'utf8'));
    const entry = cache.entries[join(dir, 'a.md')];
    entry.outcome = { format: 'article', messages: 5 };
    writeFileSync(join(dir, '.sopkit-cache'), JSON.stringify(cache));
    const run = await sopkit(dir, ['lint', '--cache', ...TODAY], { verbose: true });
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(stats(run.stderr), [0, 1]);
    assert.ok(Array.isArray(JSON.parse(readFileSync(join(dir, '.sopkit-cache'), 'utf8')).entries[join(dir, 'a.md')].outcome.messages));
  });

  it('a folder that cannot be searched is one line; the rest is still linted', function () {
    if (process.platform === 'win32') this.skip();
    const dir = workspace({ 'good.md': CLEAN_SOP, 'locked/sub/x.md': CLEAN_SOP });
    openToAll(dir);
    for (const p of ['good.md', 'locked/sub/x.md']) chmodSync(join(dir, p), 0o644);
    chmodSync(join(dir, 'locked/sub'), 0o755);
    chmodSync(join(dir, 'locked'), 0o000);
    try {
      const run = runCliSync(dir, ['lint', '.', 'locked/sub/x.md', ...TODAY], { unprivileged: true });
      assert.match(run.stdout, /1 SOP checked, no problems/, run.stderr);
      assert.doesNotMatch(run.stderr, /configuration/);
      assert.match(run.stderr, /locked: skipped, this folder cannot be searched \(permission denied\)/);
      assert.equal(run.code, 2);
    } finally {
      chmodSync(join(dir, 'locked'), 0o755);
    }
  });
});

