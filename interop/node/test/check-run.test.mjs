// check-run.mjs, the judge of one client step, on event logs written here: it passes a login that
// exchanged and bound the client's key and a reconnect on the same key without an exchange, and
// fails each way the proof can break.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const CHECK = join(dirname(fileURLToPath(import.meta.url)), '..', 'check-run.mjs');
const work = mkdtempSync(join(tmpdir(), 'jgram-check-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));

const KEY = '0123456789abcdef';
const ME = { id: 123456, is_bot: true, username: 'bot123456_bot', first_name: 'Bot' };
const exchange = (key = KEY) => ({ ev: 'key_exchange', dc: 2, auth_key_id: key, padding: 'rsa_pad', inner: 'p_q_inner_data_dc' });
const rpc = (method, error = null, key = KEY) => ({ ev: 'rpc', dc: 2, auth_key_id: key, session_id: 'aa', layer: 198, method, user_id: null, error });
const login = (key = KEY) => ({ ev: 'login', dc: 2, auth_key_id: key, user_id: 123456, bot: true });

let n = 0;
function check(phase, events, result, extra = []) {
    const dir = join(work, String(++n));
    const ev = `${dir}-events.jsonl`;
    const res = `${dir}-result.json`;
    writeFileSync(ev, ['{"ev":"started"}', ...events.map((e) => JSON.stringify(e))].join('\n') + '\n');
    writeFileSync(res, JSON.stringify(result) + '\n');
    const r = spawnSync(process.execPath, [CHECK, '--phase', phase, '--events', ev, '--from', '1', '--result', res,
        '--bot-id', '123456', '--username', 'bot123456_bot', '--wait-ms', '0', ...extra], { encoding: 'utf8', timeout: 20000 });
    return { code: r.status, out: r.stdout.trim() };
}

const okResult = (key = KEY) => ({ client: 'gramjs', ok: true, auth_key_id: key, me: ME });

test('a login that exchanged, bound and used the client key passes', () => {
    const r = check('login', [exchange(), rpc('help.getConfig'), rpc('updates.getState', 'AUTH_KEY_UNREGISTERED'), login(), rpc('users.getUsers')], okResult());
    assert.equal(r.code, 0, r.out);
    assert.match(r.out, /^login ok \(1 key exchange, 3 rpc on key 0123456789abcdef in 1 session, layer 198, transport \?\), getMe \{"id":123456/);
});

test('a key id printed in the other byte order still matches', () => {
    const r = check('login', [exchange('efcdab8967452301'), login('efcdab8967452301'), rpc('users.getUsers', null, 'efcdab8967452301')], okResult());
    assert.equal(r.code, 0, r.out);
});

test('a login without a login event for the key fails', () => {
    const r = check('login', [exchange(), rpc('users.getUsers')], okResult());
    assert.equal(r.code, 1);
    assert.match(r.out, /no login event binding key 0123456789abcdef to bot 123456/);
});

test('a reconnect on the login key without exchange passes', () => {
    const r = check('reconnect', [rpc('help.getConfig'), rpc('users.getUsers')], okResult(), ['--login-key', KEY]);
    assert.equal(r.code, 0, r.out);
    assert.match(r.out, /^reconnect ok \(0 key exchanges, 2 rpc/);
});

test('a reconnect with a key exchange fails', () => {
    const r = check('reconnect', [exchange('1111111111111111'), rpc('users.getUsers')], okResult(), ['--login-key', KEY]);
    assert.equal(r.code, 1);
    assert.match(r.out, /1 key exchange\(s\) on reconnect, expected 0/);
});

test('a reconnect that logs in again fails', () => {
    const r = check('reconnect', [rpc('auth.importBotAuthorization'), login(), rpc('users.getUsers')], okResult(), ['--login-key', KEY]);
    assert.equal(r.code, 1);
    assert.match(r.out, /1 login event\(s\) on reconnect, expected 0; auth.importBotAuthorization on reconnect/);
});

test('a reconnect on another key fails', () => {
    const r = check('reconnect', [rpc('users.getUsers', null, '2222222222222222')], okResult('2222222222222222'), ['--login-key', KEY]);
    assert.equal(r.code, 1);
    assert.match(r.out, /reconnected with key 2222222222222222, but the login made key 0123456789abcdef/);
});

test('a getMe that is not the bot fails', () => {
    const r = check('reconnect', [rpc('users.getUsers')], { ...okResult(), me: { ...ME, is_bot: false, username: 'x' } }, ['--login-key', KEY]);
    assert.equal(r.code, 1);
    assert.match(r.out, /getMe is_bot false, expected true; getMe username x, expected bot123456_bot/);
});

test('a failed client is reported with its error', () => {
    const r = check('login', [], { client: 'mtcute', ok: false, error: 'timed out after 30 s' });
    assert.equal(r.code, 1);
    assert.match(r.out, /^login FAILED .*the client failed: timed out after 30 s/);
});
