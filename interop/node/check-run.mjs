// Checks one client run against the cluster's event log; used by interop/run.sh.
//
//   node check-run.mjs --phase login|reconnect --events FILE --from LINE --result FILE
//                      --bot-id ID --username NAME [--login-key HEX] [--wait-ms 5000]
//
// --from is the number of event lines there were before the client started, so every event after
// it belongs to this run (run.sh runs one client at a time). Prints one summary line and exits 0
// when every check holds, else prints what failed and exits 1.
//
// login:     the client printed ok with getMe = the bot; at least one key_exchange; the client's
//            auth key is one of the exchanged keys; a login event binds that key to the bot; a
//            users.getUsers on that key answered without error.
// reconnect: the client printed ok with getMe = the bot and the same auth key as at login; NO
//            key_exchange; no login event and no auth.importBotAuthorization; a users.getUsers on the
//            saved key answered without error.

import { readFileSync, existsSync } from 'node:fs';

const args = {};
for (let i = 2; i < process.argv.length; i += 2) {
    args[process.argv[i].replace(/^--/, '')] = process.argv[i + 1];
}
for (const k of ['phase', 'events', 'from', 'result', 'bot-id', 'username']) {
    if (args[k] === undefined) {
        console.error(`check-run: --${k} is required`);
        process.exit(2);
    }
}
if (args.phase === 'reconnect' && !args['login-key']) {
    console.error('check-run: --login-key is required for the reconnect phase');
    process.exit(2);
}

/** Whether two auth key ids (16 hex digits) name the same key, in either byte order. */
function sameKey(a, b) {
    if (!a || !b) return false;
    const x = String(a).toLowerCase();
    const y = String(b).toLowerCase();
    return x === y || x === Buffer.from(y, 'hex').reverse().toString('hex');
}

function readEvents() {
    if (!existsSync(args.events)) return [];
    return readFileSync(args.events, 'utf8').split('\n').slice(Number(args.from)).filter((l) => l.trim())
        .map((l) => { try { return JSON.parse(l); } catch { return { ev: 'unparsable', line: l }; } });
}

function readResult() {
    const text = existsSync(args.result) ? readFileSync(args.result, 'utf8').trim() : '';
    const line = text.split('\n').filter((l) => l.startsWith('{')).pop();
    if (!line) return { ok: false, error: `the client printed no JSON line (stdout: ${JSON.stringify(text.slice(0, 300))})` };
    return JSON.parse(line);
}

const isGetUsers = (e) => e.ev === 'rpc' && String(e.method).includes('users.getUsers');

function evaluate(result, events) {
    const problems = [];
    const key = result.auth_key_id;
    const exchanges = events.filter((e) => e.ev === 'key_exchange');
    const rpcs = events.filter((e) => e.ev === 'rpc' && sameKey(e.auth_key_id, key));
    const logins = events.filter((e) => e.ev === 'login');
    const getMeOk = rpcs.some((e) => isGetUsers(e) && (e.error === null || e.error === undefined));
    if (!result.ok) {
        problems.push(`the client failed: ${result.error}`);
        return { problems, exchanges, rpcs, logins };
    }
    const me = result.me ?? {};
    if (String(me.id) !== String(args['bot-id'])) problems.push(`getMe id ${me.id}, expected ${args['bot-id']}`);
    if (me.is_bot !== true) problems.push(`getMe is_bot ${me.is_bot}, expected true`);
    if (me.username !== args.username) problems.push(`getMe username ${me.username}, expected ${args.username}`);
    if (!key) problems.push('the client printed no auth_key_id');
    if (args.phase === 'login') {
        if (exchanges.length === 0) problems.push('no key_exchange event for a client that had no key');
        if (key && !exchanges.some((e) => sameKey(e.auth_key_id, key))) {
            problems.push(`the client's key ${key} is not among the exchanged keys ${exchanges.map((e) => e.auth_key_id).join(', ')}`);
        }
        if (!logins.some((e) => sameKey(e.auth_key_id, key) && e.bot === true && String(e.user_id) === String(args['bot-id']))) {
            problems.push(`no login event binding key ${key} to bot ${args['bot-id']}`);
        }
    } else {
        if (!sameKey(key, args['login-key'])) problems.push(`reconnected with key ${key}, but the login made key ${args['login-key']}`);
        if (exchanges.length !== 0) problems.push(`${exchanges.length} key exchange(s) on reconnect, expected 0`);
        if (logins.length !== 0) problems.push(`${logins.length} login event(s) on reconnect, expected 0`);
        if (rpcs.some((e) => String(e.method).includes('auth.importBotAuthorization'))) problems.push('auth.importBotAuthorization on reconnect');
        if (rpcs.length === 0) problems.push(`no rpc event on the saved key ${key}`);
    }
    if (!getMeOk) problems.push(`no users.getUsers without error on key ${key}`);
    return { problems, exchanges, rpcs, logins };
}

/** The events may trail the client's exit a little: re-read until the checks hold or --wait-ms pass. */
async function main() {
    const result = readResult();
    const deadline = Date.now() + Number(args['wait-ms'] ?? 5000);
    let outcome = evaluate(result, readEvents());
    while (outcome.problems.length && result.ok && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 200));
        outcome = evaluate(result, readEvents());
    }
    const { problems, exchanges, rpcs } = outcome;
    const me = result.me ? JSON.stringify(result.me) : '-';
    const n = exchanges.length;
    const sessions = [...new Set(rpcs.map((e) => e.session_id))].length;
    const layers = [...new Set(rpcs.map((e) => e.layer))].join(',');
    const detail = `${n} key exchange${n === 1 ? '' : 's'}, ${rpcs.length} rpc on key ${result.auth_key_id ?? '?'} `
        + `in ${sessions} session${sessions === 1 ? '' : 's'}, layer ${layers || '?'}, transport ${result.transport ?? '?'}`;
    if (problems.length === 0) {
        console.log(`${args.phase} ok (${detail}), getMe ${me}`);
        process.exit(0);
    }
    console.log(`${args.phase} FAILED (${detail}): ${problems.join('; ')}`);
    process.exit(1);
}

main();
