// What can be checked without jgram's testdc: each client script, pointed at a fake cluster,
// dials the right DC's 127.0.0.1 port with its transport, finds the cluster's RSA key by its
// fingerprint (it sends req_DH_params with it, and the padded inner data opens with the private
// key), and, from a saved session, sends its first message encrypted with the saved key (no key
// exchange). Run: `npm test` (node --test) in interop/node after `npm ci`.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { startFakeCluster, testKeyPair } from './fake-dc.mjs';
import { authKeyId } from '../lib/common.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const GRAMJS = join(here, '..', 'gramjs-bot.mjs');
const MTCUTE = join(here, '..', 'mtcute-bot.mjs');
const TOKEN = '123456:ABC-testtoken';
const pair = testKeyPair();
const work = mkdtempSync(join(tmpdir(), 'jgram-dial-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));

let counter = 0;

/**
 * Runs a client script against `cluster` and stops it once DC `dc`'s first connection is over
 * (the fake closes it after what it records), or after `seconds`. Resolves to {code, stdout, stderr}.
 */
function runClient(script, cluster, args, dc, seconds = 20) {
    const file = join(work, `cluster-${++counter}.json`);
    writeFileSync(file, cluster.line + '\n');
    const child = spawn(process.execPath, [script, '--cluster', file, '--token', TOKEN, '--timeout', String(seconds), ...args], {
        stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    const exited = new Promise((resolve) => child.on('exit', (code) => resolve({ code, stdout, stderr })));
    const watch = setInterval(() => {
        for (const d of cluster.dcs) {
            for (const c of d.connections) {
                if (!c.hooked) {
                    c.hooked = true;
                    c.done.then(() => { c.finished = true; });
                }
            }
        }
        const first = cluster.byId(dc).connections[0];
        if (first && first.finished) {
            child.kill();
        }
    }, 20);
    return exited.finally(() => clearInterval(watch));
}

function onlyDialled(cluster, dc) {
    for (const d of cluster.dcs) {
        if (d.id !== dc) {
            assert.equal(d.connections.length, 0, `DC ${d.id} (port ${d.port}) was dialled, expected only DC ${dc}`);
        }
    }
    const conns = cluster.byId(dc).connections;
    assert.ok(conns.length >= 1, `DC ${dc} was never dialled; client stderr above`);
    return conns[0];
}

function assertKeyExchangeStarted(conn, inner, dc) {
    const [pq, dh] = conn.messages;
    assert.equal(pq.name, 'req_pq_multi');
    assert.equal(pq.length, 20);
    assert.ok(dh, `no req_DH_params after resPQ: the client did not find the key (messages: ${JSON.stringify(conn.messages)})`);
    assert.equal(dh.name, 'req_DH_params');
    assert.equal(dh.nonces_match, true);
    assert.equal(dh.fingerprint, pair.key.fingerprintHex, 'req_DH_params names the cluster key');
    assert.equal(dh.p, '494c553b');
    assert.equal(dh.q, '53911073');
    assert.equal(dh.padding, 'rsa_pad');
    assert.equal(dh.inner, inner);
    if (dc !== undefined) {
        assert.equal(dh.dc, dc);
    }
}

test('gramjs login dials DC 2 over the full transport and starts the key exchange with the cluster key', async () => {
    const cluster = await startFakeCluster([1, 2, 3], pair);
    try {
        const session = join(work, `gramjs-${counter}.session`);
        const run = await runClient(GRAMJS, cluster, ['--dc', '2', '--session', session, '--mode', 'login'], 2);
        const conn = onlyDialled(cluster, 2);
        assert.equal(conn.transport, 'full', run.stderr);
        assert.equal(conn.firstBytes.slice(0, 16), '3400000000000000', 'full frame: length 52, seq 0');
        assertKeyExchangeStarted(conn, 'p_q_inner_data');
        assert.deepEqual(conn.fullSeq, [0, 1]);
        assert.notEqual(run.code, 0, 'the fake closes before the exchange ends, so the client fails');
        assert.equal(existsSync(session), false, 'no session is written without a login');
    } finally {
        await cluster.close();
    }
});

test('gramjs obfuscated transport is obfuscated abridged', async () => {
    const cluster = await startFakeCluster([1, 2], pair);
    try {
        await runClient(GRAMJS, cluster, ['--dc', '1', '--session', join(work, 'g-obf.session'), '--mode', 'login', '--transport', 'obfuscated'], 1);
        const conn = onlyDialled(cluster, 1);
        assert.equal(conn.obfuscated, true);
        assert.equal(conn.transport, 'abridged');
        assertKeyExchangeStarted(conn, 'p_q_inner_data');
    } finally {
        await cluster.close();
    }
});

test('mtcute login dials DC 2 over intermediate and sends p_q_inner_data_dc with dc 2', async () => {
    const cluster = await startFakeCluster([1, 2, 3], pair);
    try {
        const session = join(work, `mtcute-${counter}.session`);
        const run = await runClient(MTCUTE, cluster, ['--dc', '2', '--session', session, '--mode', 'login'], 2);
        const conn = onlyDialled(cluster, 2);
        assert.equal(conn.transport, 'intermediate', run.stderr);
        assert.equal(conn.firstBytes.slice(0, 8), 'eeeeeeee');
        assertKeyExchangeStarted(conn, 'p_q_inner_data_dc', 2);
    } finally {
        await cluster.close();
    }
});

test('mtcute obfuscated transport carries intermediate framing', async () => {
    const cluster = await startFakeCluster([3], pair);
    try {
        await runClient(MTCUTE, cluster, ['--dc', '3', '--session', join(work, 'm-obf.session'), '--mode', 'login', '--transport', 'obfuscated'], 3);
        const conn = onlyDialled(cluster, 3);
        assert.equal(conn.obfuscated, true);
        assert.equal(conn.transport, 'intermediate');
        assertKeyExchangeStarted(conn, 'p_q_inner_data_dc', 3);
    } finally {
        await cluster.close();
    }
});

test('gramjs reconnect sends its first message with the saved key and no key exchange', async () => {
    const key = randomBytes(256);
    const keyId = authKeyId(key);
    const cluster = await startFakeCluster([1, 2], pair, new Map([[keyId, key]]));
    try {
        const session = join(work, 'gramjs-saved.session');
        writeFileSync(session, await gramJsSession(2, cluster.byId(2).port, key) + '\n');
        await runClient(GRAMJS, cluster, ['--dc', '2', '--session', session, '--mode', 'reconnect'], 2);
        const conn = onlyDialled(cluster, 2);
        assert.equal(conn.transport, 'full');
        const [first] = conn.messages;
        if (process.env.DIAL_SHOW) console.error(JSON.stringify(first, null, 1));
        assert.equal(first.encrypted, true, `expected an encrypted first message, got ${JSON.stringify(first)}`);
        assert.equal(first.auth_key_id, keyId);
        assert.equal(first.msg_key_ok, true);
        assert.equal(first.salt, '0', 'GramJS starts every session with salt 0 and waits for bad_server_salt');
        assert.deepEqual(shape(first.body), ['invokeWithLayer', 198, 'initConnection', 'help.getConfig']);
        assert.equal(first.body.query.api_id, 12345);
    } finally {
        await cluster.close();
    }
});

test('mtcute reconnect sends its first message with the saved key and no key exchange', async () => {
    const key = randomBytes(256);
    const keyId = authKeyId(key);
    const cluster = await startFakeCluster([2, 4], pair, new Map([[keyId, key]]));
    try {
        const session = join(work, 'mtcute-saved.session');
        await mtcuteSession(session, cluster, 4, key);
        await runClient(MTCUTE, cluster, ['--dc', '4', '--session', session, '--mode', 'reconnect'], 4);
        const conn = onlyDialled(cluster, 4);
        assert.equal(conn.transport, 'intermediate');
        const [first] = conn.messages;
        if (process.env.DIAL_SHOW) console.error(JSON.stringify(first, null, 1));
        assert.equal(first.encrypted, true, `expected an encrypted first message, got ${JSON.stringify(first)}`);
        assert.equal(first.auth_key_id, keyId);
        assert.equal(first.msg_key_ok, true);
        assert.ok(findQuery(first.body, 'users.getUsers'), `no users.getUsers in ${JSON.stringify(first.body)}`);
        const wrapped = findQuery(first.body, 'invokeWithLayer');
        assert.equal(wrapped.layer, 227);
        assert.deepEqual(shape(wrapped), ['invokeWithLayer', 227, 'initConnection', 'invokeWithoutUpdates', 'users.getUsers']);
    } finally {
        await cluster.close();
    }
});

test('a cluster line whose fingerprint is not its key is refused before dialling', async () => {
    const cluster = await startFakeCluster([2], pair);
    try {
        const line = JSON.parse(cluster.line);
        line.fingerprint_signed = '1';
        const bad = { ...cluster, line: JSON.stringify(line) };
        for (const script of [GRAMJS, MTCUTE]) {
            const run = await runClient(script, bad, ['--dc', '2', '--session', join(work, `bad-${counter}`), '--mode', 'login'], 2, 5);
            assert.equal(run.code, 1);
            assert.match(JSON.parse(run.stdout).error, /fingerprint_signed.*is not the key's/);
        }
        assert.equal(cluster.byId(2).connections.length, 0);
    } finally {
        await cluster.close();
    }
});

test('an unknown DC is a usage error naming the DCs there are', async () => {
    const cluster = await startFakeCluster([1, 2], pair);
    try {
        const run = await runClient(GRAMJS, cluster, ['--dc', '5', '--session', join(work, 'x'), '--mode', 'login'], 1, 5);
        assert.equal(run.code, 2);
        assert.match(JSON.parse(run.stdout).error, /DC 5 is not in the cluster; it has 1, 2/);
    } finally {
        await cluster.close();
    }
});

/** The chain of wrapper names (and the layer) down to the query. */
function shape(body) {
    const out = [];
    for (let b = body; b; b = b.query) {
        out.push(b.name);
        if (b.layer !== undefined) out.push(b.layer);
    }
    return out;
}

/** The first object named `name` in a body, looking into containers, gzip and wrappers. */
function findQuery(body, name) {
    if (!body) return null;
    if (body.name === name) return body;
    for (const item of body.items ?? []) {
        const found = findQuery(item, name);
        if (found) return found;
    }
    return findQuery(body.query, name);
}

/** A GramJS StringSession for DC `dc` at 127.0.0.1:`port` holding `key`. */
async function gramJsSession(dc, port, key) {
    const { StringSession } = await import('telegram/sessions/index.js');
    const { AuthKey } = await import('telegram/crypto/AuthKey.js');
    const session = new StringSession('');
    session.setDC(dc, '127.0.0.1', port);
    const authKey = new AuthKey();
    await authKey.setKey(key);
    session.setAuthKey(authKey);
    return session.save();
}

/** An mtcute SQLite session for DC `dc` of the fake cluster holding `key`, via importSession. */
async function mtcuteSession(file, cluster, dc, key) {
    const { BaseTelegramClient } = await import('@mtcute/node');
    const option = { id: dc, ipAddress: '127.0.0.1', port: cluster.byId(dc).port };
    const base = new BaseTelegramClient({ apiId: 12345, apiHash: '0123456789abcdef0123456789abcdef', storage: file, logLevel: 1 });
    await base.importSession({ authKey: key, primaryDcs: { main: option, media: { ...option } } });
    await base.destroy();
    assert.ok(readFileSync(file).length > 0);
}
