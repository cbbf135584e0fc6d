// interop/run.sh against stand-in launchers: with test/mini-testdc.mjs (enough MTProto for a bot
// login) both clients log in and reconnect without a key exchange and it exits 0; with
// test/fake-testdc.mjs (stops clients in the key exchange) it reports each step's failure, exits 1,
// and always stops the cluster, also one that ignores its stdin closing or dies at start; without
// node on PATH it skips with exit 0.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, symlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const RUN = join(here, '..', '..', 'run.sh');
const FAKE = join(here, 'fake-testdc.mjs');
const MINI = join(here, 'mini-testdc.mjs');
const work = mkdtempSync(join(tmpdir(), 'jgram-runsh-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));

function runSh(args, env) {
    const child = spawn('bash', [RUN, ...args], { env: { ...process.env, TMPDIR: work, JGRAM_INTEROP_JGRAM_ME: '0', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stdout, stderr })));
}

function alive(pid) {
    try {
        process.kill(pid, 0);
        return true;
    } catch {
        return false;
    }
}

const port = () => String(24000 + Math.floor(Math.random() * 700) * 10);

test('against the mini cluster both clients log in, then reconnect without a key exchange', async () => {
    const run = await runSh([MINI], { JGRAM_INTEROP_PORT: port() });
    assert.equal(run.code, 0, run.stdout + run.stderr);
    for (const client of ['gramjs', 'mtcute']) {
        assert.match(run.stdout, new RegExp(`^${client}: login ok \\(\\d+ key exchanges?, .*getMe \\{"id":123456,"is_bot":true,"username":"bot123456_bot"`, 'm'));
        assert.match(run.stdout, new RegExp(`^${client}: reconnect ok \\(0 key exchanges, `, 'm'));
    }
    assert.match(run.stdout, /^interop: 4 passed, 0 failed$/m);
});

for (const client of ['gramjs', 'mtcute']) {
    test(`${client} makes a second key exchange when the first fails its new_nonce_hash check, and passes`, async () => {
        const run = await runSh([MINI], { JGRAM_INTEROP_PORT: port(), JGRAM_INTEROP_CLIENTS: client, MINI_TESTDC_MODE: 'bad-first-hash' });
        assert.equal(run.code, 0, run.stdout + run.stderr);
        // GramJS: 2, or 3 when the second exchange meets its own 1-in-256 leading-zero failure.
        const exchanges = client === 'gramjs' ? '[23]' : '2';
        assert.match(run.stdout, new RegExp(`^${client}: login ok \\(${exchanges} key exchanges, `, 'm'));
        assert.match(run.stdout, new RegExp(`^${client}: reconnect ok \\(0 key exchanges, `, 'm'));
    });
}

test('a reconnect the cluster does not recognise is reported as failed', async () => {
    const run = await runSh([MINI], {
        JGRAM_INTEROP_PORT: port(), JGRAM_INTEROP_CLIENTS: 'gramjs', JGRAM_INTEROP_CLIENT_TIMEOUT: '6', MINI_TESTDC_MODE: 'forget-keys',
    });
    assert.equal(run.code, 1);
    assert.match(run.stdout, /^gramjs: login ok /m);
    assert.match(run.stdout, /^gramjs: reconnect FAILED /m);
    assert.match(run.stdout, /^interop: 1 passed, 1 failed$/m);
});

test('a cluster the clients cannot log in to gives one FAILED line per step and 0 passed, 4 failed', async () => {
    const pidFile = join(work, 'pid-a');
    const run = await runSh([FAKE], { JGRAM_INTEROP_PORT: port(), FAKE_TESTDC_PIDFILE: pidFile });
    assert.equal(run.code, 1, run.stdout + run.stderr);
    const lines = run.stdout.trim().split('\n');
    assert.match(lines.find((l) => l.startsWith('gramjs: login')), /^gramjs: login FAILED \(0 key exchanges.*GramJS could not connect to DC 2/);
    assert.ok(lines.includes('gramjs: reconnect not run (the login failed)'));
    assert.match(lines.find((l) => l.startsWith('mtcute: login')), /^mtcute: login FAILED .*mtcute reported:/);
    assert.ok(lines.includes('mtcute: reconnect not run (the login failed)'));
    assert.equal(lines.filter((l) => /passed, \d+ failed$/.test(l)).pop(), 'interop: 0 passed, 4 failed');
    assert.equal(alive(Number(readFileSync(pidFile, 'utf8'))), false, 'the cluster is stopped');
    assert.doesNotMatch(run.stderr, /did not stop when its stdin closed/);
});

test('a cluster that ignores its stdin closing is killed', async () => {
    const pidFile = join(work, 'pid-b');
    const run = await runSh([FAKE], {
        JGRAM_INTEROP_PORT: port(), JGRAM_INTEROP_CLIENTS: 'gramjs', FAKE_TESTDC_PIDFILE: pidFile, FAKE_TESTDC_MODE: 'ignore-stdin',
    });
    assert.equal(run.code, 1);
    assert.match(run.stderr, /did not stop when its stdin closed; sending TERM/);
    assert.match(run.stdout, /^interop: 0 passed, 2 failed$/m);
    assert.equal(alive(Number(readFileSync(pidFile, 'utf8'))), false, 'the cluster is killed');
});

test('a cluster that dies before its JSON line fails the run with its stderr', async () => {
    const run = await runSh([FAKE], { JGRAM_INTEROP_PORT: port(), FAKE_TESTDC_MODE: 'die' });
    assert.equal(run.code, 1);
    assert.match(run.stderr, /the cluster exited before printing its JSON line/);
    assert.match(run.stderr, /fake-testdc: dying on purpose/);
    assert.match(run.stdout, /^interop: 0 passed, 1 failed$/m);
});

test('without node on PATH the run is skipped with exit 0', async () => {
    const bin = join(work, 'bin');
    mkdirSync(bin);
    symlinkSync('/usr/bin/dirname', join(bin, 'dirname'));
    const child = spawn('/bin/bash', [RUN, FAKE], { env: { PATH: bin }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.on('data', (d) => { stdout += d; });
    const code = await new Promise((resolve) => child.on('exit', resolve));
    assert.equal(code, 0);
    assert.match(stdout, /^interop: skipped: node is not on PATH/m);
    assert.match(stdout, /^interop: 0 passed, 0 failed$/m);
});

test('a launcher that is not executable fails at once', async () => {
    const run = await runSh([join(work, 'no-such-launcher')], {});
    assert.equal(run.code, 1);
    assert.match(run.stderr, /is not an executable file/);
});
