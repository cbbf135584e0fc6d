#!/usr/bin/env node
// A stand-in for `jgram testdc` with just enough MTProto for a bot to log in and reconnect, so the
// client scripts, run.sh and check-run.mjs can be tried end to end before the real cluster exists.
// It is a test double, lax where testdc must be strict (no msg_id or seqno checks, one salt per key,
// no migration between DCs), and it writes the event lines to --events. Results are encoded
// with the clients' own TL code: GramJS's classes for layer 198, mtcute's writer for layer 227.
// --trace FILE (or env MINI_TESTDC_TRACE) logs every message the clients send, decoded as far as
// the fake DC's `describe` goes. MINI_TESTDC_MODE=forget-keys makes it forget every key when its
// connection closes (a stored-key reconnect then meets transport error -404), for the tests of
// what run.sh reports when a reconnect is not clean. MINI_TESTDC_MODE=bad-first-hash spoils the
// new_nonce_hash1 of the first exchange, as a client sees it when it drops a leading zero byte of
// the key (about 1 exchange in 256): the client must make a second exchange and still log in.
//
//   mini-testdc.mjs testdc --json --port P --dcs 1,2,3 --bot ID:SECRET[@DC][=USERNAME] --events FILE
//                   [--state-dir D (ignored)] [--stdin-close-stops] [--trace FILE]

import { createServer } from 'node:net';
import { appendFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { randomBytes } from 'node:crypto';
import { inflateSync, gunzipSync } from 'node:zlib';
import { Api } from 'telegram';
import { TlBinaryWriter, __tlWriterMap } from '@mtcute/node/utils.js';
import {
    ServerFraming, Reader, Writer, PQ, testKeyPair, clusterLine, openInnerData, plainMessage,
    igeEncrypt, igeDecrypt, sha1, sha256, xor, nameOf, describeBody,
} from './fake-dc.mjs';

const require = createRequire(import.meta.url);
const bigInt = createRequire(require.resolve('telegram'))('big-integer');
// long is mtcute's own dependency: resolve it from mtcute's folder.
const Long = createRequire(require.resolve('@mtcute/core'))('long');

const DH_PRIME = BigInt('0xC71CAEB9C6B1C9048E6C522F70F13F73980D40238E3E21C14934D037563D930F48198A0AA7C14058229493D22530F4DBFA336F6E0AC925139543AED44CCE7C3720FD51F69458705AC68CD4FE6B6B13ABDC9746512969328454F18FAF8C595F642477FE96BB2A941D5BCD1D4AC8CC49880708FA9B378E3C4F3A9060BEE67CF9A4A4A695811051907E162753B56B0F6B410DBA74D8A84B2A14B3144E0EF1284754FD17ED950D5965B4B9DD46582DB1178D169C6BC465B0D6FF9CA3928FEF5B9AE4E418FC15E83EBEA0F87FA9FF5EED70050DED2849F47BF959D956850CE929851F0D8115F635B105EE2E4E15D04B2454BF6F4FADF034B10403119CD8E3B92FCC5B');
const G = 3n;

const argv = process.argv.slice(2);
const opt = (name, fallback) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : fallback;
};
const bots = [];
argv.forEach((a, i) => {
    if (a !== '--bot') return;
    const m = /^(\d+):([^@=]+)(?:@(\d+))?(?:=(.+))?$/.exec(argv[i + 1]);
    if (!m) throw new Error(`bad --bot ${argv[i + 1]}`);
    bots.push({ id: Number(m[1]), token: `${m[1]}:${m[2]}`, dc: Number(m[3] ?? 2), username: m[4] ?? `bot${m[1]}_bot` });
});
const port = Number(opt('--port', '21000'));
const ids = opt('--dcs', '1,2,3,4,5').split(',').map(Number);
const eventsFile = opt('--events');
const traceFile = opt('--trace', process.env.MINI_TESTDC_TRACE);
const pair = testKeyPair();
const keys = new Map(); // auth_key_id hex -> {key, salt:bigint, userId}
let lastMsgId = 0n;
let connections = 0;

function event(obj) {
    if (eventsFile) appendFileSync(eventsFile, JSON.stringify(obj) + '\n');
}

function trace(obj) {
    if (traceFile) appendFileSync(traceFile, JSON.stringify(obj) + '\n');
}

function modPow(base, exp, mod) {
    let result = 1n;
    base %= mod;
    while (exp > 0n) {
        if (exp & 1n) result = (result * base) % mod;
        base = (base * base) % mod;
        exp >>= 1n;
    }
    return result;
}

const toBig = (buf) => BigInt('0x' + (buf.length ? buf.toString('hex') : '0'));
const toBuf = (n, len) => Buffer.from(n.toString(16).padStart(len * 2, '0'), 'hex');

function serverMsgId(response) {
    const ms = BigInt(Date.now());
    let id = ((ms / 1000n) << 32n) | ((ms % 1000n) * 4294967n);
    id = (id & ~3n) | (response ? 1n : 3n);
    while (id <= lastMsgId) id += 4n;
    lastMsgId = id;
    return id;
}

// --- key exchange --------------------------------------------------------------------------------

function tmpAes(newNonce, serverNonce) {
    const a = sha1(Buffer.concat([newNonce, serverNonce]));
    const b = sha1(Buffer.concat([serverNonce, newNonce]));
    const c = sha1(Buffer.concat([newNonce, newNonce]));
    return { key: Buffer.concat([a, b.subarray(0, 12)]), iv: Buffer.concat([b.subarray(12, 20), c, newNonce.subarray(0, 4)]) };
}

function handlePlain(payload, st) {
    const body = payload.subarray(20, 20 + payload.readUInt32LE(16));
    const r = new Reader(body);
    const ctor = r.u32();
    trace({ dc: st.dc, conn: st.conn, plain: nameOf(ctor) });
    if (ctor === 0xbe7e8ef1 || ctor === 0x60469778) {
        st.nonce = r.raw(16);
        st.serverNonce = randomBytes(16);
        return plainMessage(new Writer().u32(0x05162463).raw(st.nonce).raw(st.serverNonce).bytes(PQ)
            .u32(0x1cb5c415).u32(1).raw(Buffer.from(pair.key.fingerprintHex, 'hex')).done());
    }
    if (ctor === 0xd712e4be) {
        r.raw(32); r.bytes(); r.bytes(); r.raw(8);
        const opened = openInnerData(r.bytes(), pair.privateKey);
        if (!opened.nonces) throw new Error('req_DH_params: inner data does not open');
        st.newNonce = opened.nonces.newNonce;
        st.exchange = { padding: opened.padding, inner: opened.inner };
        st.a = toBig(randomBytes(256)) % DH_PRIME;
        const gA = modPow(G, st.a, DH_PRIME);
        const inner = new Writer().u32(0xb5890dba).raw(st.nonce).raw(st.serverNonce).i32(3)
            .bytes(toBuf(DH_PRIME, 256)).bytes(toBuf(gA, 256)).i32(Math.floor(Date.now() / 1000)).done();
        let withHash = Buffer.concat([sha1(inner), inner]);
        withHash = Buffer.concat([withHash, randomBytes((16 - (withHash.length % 16)) % 16)]);
        const { key, iv } = tmpAes(st.newNonce, st.serverNonce);
        return plainMessage(new Writer().u32(0xd0e8075c).raw(st.nonce).raw(st.serverNonce).bytes(igeEncrypt(withHash, key, iv)).done());
    }
    if (ctor === 0xf5045f1f) {
        r.raw(32);
        const { key, iv } = tmpAes(st.newNonce, st.serverNonce);
        const plain = new Reader(igeDecrypt(r.bytes(), key, iv));
        plain.raw(20);
        if (plain.u32() !== 0x6643b654) throw new Error('set_client_DH_params: not client_DH_inner_data');
        plain.raw(32); plain.raw(8);
        const authKey = toBuf(modPow(toBig(plain.bytes()), st.a, DH_PRIME), 256);
        const keyId = sha1(authKey).subarray(12, 20).toString('hex');
        const salt = xor(st.newNonce.subarray(0, 8), st.serverNonce.subarray(0, 8)).readBigInt64LE(0);
        keys.set(keyId, { key: authKey, salt, userId: null });
        st.keyIds.add(keyId);
        event({ ev: 'key_exchange', dc: st.dc, auth_key_id: keyId, ...st.exchange });
        const hash = sha1(Buffer.concat([st.newNonce, Buffer.from([1]), sha1(authKey).subarray(0, 8)])).subarray(4, 20);
        if (process.env.MINI_TESTDC_MODE === 'bad-first-hash' && keys.size === 1) {
            hash[0] ^= 0xff;
        }
        return plainMessage(new Writer().u32(0x3bcbf734).raw(st.nonce).raw(st.serverNonce).raw(hash).done());
    }
    return null;
}

// --- encrypted messages ----------------------------------------------------------------------------

function kdf(key, msgKey, x) {
    const a = sha256(Buffer.concat([msgKey, key.subarray(x, x + 36)]));
    const b = sha256(Buffer.concat([key.subarray(40 + x, 76 + x), msgKey]));
    return {
        key: Buffer.concat([a.subarray(0, 8), b.subarray(8, 24), a.subarray(24, 32)]),
        iv: Buffer.concat([b.subarray(0, 8), a.subarray(8, 24), b.subarray(24, 32)]),
    };
}

function encrypt(k, sessionId, body, response, contentRelated, st) {
    const msgId = serverMsgId(response);
    const seqno = contentRelated ? st.seq++ * 2 + 1 : st.seq * 2;
    const head = new Writer().i64(k.salt).raw(sessionId).i64(msgId).u32(seqno).u32(body.length).done();
    let plain = Buffer.concat([head, body]);
    plain = Buffer.concat([plain, randomBytes(12 + ((16 - ((plain.length + 12) % 16)) % 16))]);
    const msgKey = sha256(Buffer.concat([k.key.subarray(96, 128), plain])).subarray(8, 24);
    const { key, iv } = kdf(k.key, msgKey, 8);
    return Buffer.concat([sha1(k.key).subarray(12, 20), msgKey, igeEncrypt(plain, key, iv)]);
}

function handleEncrypted(payload, st) {
    const keyId = payload.subarray(0, 8).toString('hex');
    const k = keys.get(keyId);
    if (!k) {
        trace({ dc: st.dc, conn: st.conn, auth_key_id: keyId, unknown_key: true });
        return [new Writer().i32(-404).done(), 'close'];
    }
    st.keyIds.add(keyId);
    const msgKey = payload.subarray(8, 24);
    const { key, iv } = kdf(k.key, msgKey, 0);
    const plain = igeDecrypt(payload.subarray(24, 24 + Math.floor((payload.length - 24) / 16) * 16), key, iv);
    if (!sha256(Buffer.concat([k.key.subarray(88, 120), plain])).subarray(8, 24).equals(msgKey)) return ['close'];
    const salt = plain.readBigInt64LE(0);
    const sessionId = plain.subarray(8, 16);
    const msgId = plain.readBigInt64LE(16);
    const seqno = plain.readUInt32LE(24);
    const body = plain.subarray(32, 32 + plain.readUInt32LE(28));
    const out = [];
    trace({ dc: st.dc, conn: st.conn, auth_key_id: keyId, session_id: sessionId.toString('hex'), salt: salt.toString(), seqno, body: describeBody(body) });
    if (salt !== k.salt) {
        out.push(encrypt(k, sessionId, new Writer().u32(0xedab447b).i64(msgId).u32(seqno).i32(48).i64(k.salt).done(), true, false, st));
        return out;
    }
    const sid = sessionId.toString('hex');
    if (!st.sessions.has(sid)) {
        st.sessions.add(sid);
        out.push(encrypt(k, sessionId, new Writer().u32(0x9ec20908).i64(msgId).raw(randomBytes(8)).i64(k.salt).done(), false, false, st));
    }
    for (const m of unpack(msgId, body)) {
        const reply = handleMessage(m, k, keyId, sid, st);
        if (reply) out.push(encrypt(k, sessionId, reply.body, true, reply.content, st));
    }
    return out;
}

function unpack(msgId, body) {
    const r = new Reader(body);
    const ctor = r.u32();
    if (ctor === 0x73f1f8dc) {
        const n = r.u32();
        const items = [];
        for (let i = 0; i < n; i++) {
            const id = r.i64();
            r.u32();
            items.push(...unpack(id, r.raw(r.u32())));
        }
        return items;
    }
    if (ctor === 0x3072cfa1) {
        const packed = r.bytes();
        return unpack(msgId, packed[0] === 0x78 ? inflateSync(packed) : gunzipSync(packed));
    }
    return [{ msgId, body }];
}

function handleMessage({ msgId, body }, k, keyId, sid, st) {
    const r = new Reader(body);
    const ctor = r.u32();
    switch (ctor) {
        case 0x62d6b459: return null; // msgs_ack
        case 0x7abe77ec: // ping
        case 0xf3427b8c: // ping_delay_disconnect
            return { body: new Writer().u32(0x347773c5).i64(msgId).raw(r.raw(8)).done(), content: false };
        case 0xb921bd04: { // get_future_salts
            const now = Math.floor(Date.now() / 1000);
            const w = new Writer().u32(0xae500895).i64(msgId).i32(now).u32(3);
            for (let i = 0; i < 3; i++) w.i32(now - 60 + i * 1800).i32(now + 1800 + i * 1800).i64(k.salt);
            return { body: w.done(), content: false };
        }
        case 0xda69fb52: { // msgs_state_req
            r.u32();
            const n = r.u32();
            return { body: new Writer().u32(0x04deb57d).i64(msgId).bytes(Buffer.alloc(n, 4)).done(), content: false };
        }
        case 0xe7512126: // destroy_session
            return { body: new Writer().u32(0xe22045fc).raw(r.raw(8)).done(), content: false };
        default:
            return { body: rpc(msgId, body, k, keyId, sid, st), content: true };
    }
}

// --- API methods -----------------------------------------------------------------------------------

class RpcError extends Error {
    constructor(code, text) { super(text); this.code = code; }
}

function rpc(msgId, body, k, keyId, sid, st) {
    let r = new Reader(body);
    let ctor = r.u32();
    let wrapped = false;
    for (;;) {
        if (ctor === 0xda9b0d0d) { st.layer = r.i32(); ctor = r.u32(); continue; }
        if (ctor === 0xbf9459b7) { ctor = r.u32(); continue; }
        if (ctor === 0xc1cd5ea9) {
            const flags = r.u32(); r.i32(); for (let i = 0; i < 6; i++) r.bytes();
            if (flags & 1) { r.u32(); r.bytes(); r.i32(); }
            if (flags & 2) throw new Error('initConnection params are not supported by the mini cluster');
            st.inited = true; wrapped = true; ctor = r.u32(); continue;
        }
        break;
    }
    const method = nameOf(ctor);
    let result;
    let error = null;
    try {
        if (!st.inited) throw new RpcError(400, 'CONNECTION_NOT_INITED');
        result = call(ctor, r, k, keyId, st);
    } catch (err) {
        if (!(err instanceof RpcError)) throw err;
        error = err.message;
        result = new Writer().u32(0x2144ca19).i32(err.code).bytes(Buffer.from(err.message)).done();
    }
    event({ ev: 'rpc', dc: st.dc, auth_key_id: keyId, session_id: sid, layer: st.layer, method, wrapped, user_id: k.userId, error });
    return Buffer.concat([new Writer().u32(0xf35c6d01).i64(msgId).done(), result]);
}

function call(ctor, r, k, keyId, st) {
    const bot = () => {
        const b = bots.find((x) => x.id === k.userId);
        if (!b) throw new RpcError(401, 'AUTH_KEY_UNREGISTERED');
        return b;
    };
    switch (ctor) {
        case 0xc4f9186b: return config(st);
        case 0x1fb33026: return tl(st.layer, { _: 'nearestDc', country: 'US', thisDc: st.dc, nearestDc: st.dc });
        case 0xedd4882a:
            bot();
            return tl(st.layer, { _: 'updates.state', pts: 1, qts: 0, date: Math.floor(Date.now() / 1000), seq: 1, unreadCount: 0 });
        case 0x0d91a548: {
            const b = bot();
            return Buffer.concat([new Writer().u32(0x1cb5c415).u32(1).done(), user(st.layer, b)]);
        }
        case 0x67a3ff2c: {
            r.u32(); r.i32(); r.bytes();
            const token = r.str();
            const b = bots.find((x) => x.token === token);
            if (!b) throw new RpcError(400, 'ACCESS_TOKEN_INVALID');
            if (b.dc !== st.dc) throw new RpcError(303, `USER_MIGRATE_${b.dc}`);
            k.userId = b.id;
            event({ ev: 'login', dc: st.dc, auth_key_id: keyId, user_id: b.id, bot: true });
            return Buffer.concat([new Writer().u32(0x2ea2c0d4).u32(0).done(), user(st.layer, b)]);
        }
        default:
            throw new RpcError(400, `INPUT_METHOD_INVALID_${ctor.toString(16)}`);
    }
}

/** An object in the connection's layer: GramJS's classes for 198, mtcute's writer for 227. */
function tl(layer, obj) {
    if (layer === 227) return Buffer.from(TlBinaryWriter.serializeObject(__tlWriterMap, obj));
    if (layer === 198) {
        const [ns, name] = obj._.includes('.') ? obj._.split('.') : [null, obj._];
        const cls = ns ? Api[ns][name[0].toUpperCase() + name.slice(1)] : Api[name[0].toUpperCase() + name.slice(1)];
        const args = Object.fromEntries(Object.entries(obj).filter(([key]) => key !== '_').map(([key, v]) => [key, gramArg(v)]));
        return new cls(args).getBytes();
    }
    throw new RpcError(400, 'CONNECTION_LAYER_INVALID');
}

function gramArg(v) {
    if (Long.isLong(v)) return bigInt(v.toString());
    if (Array.isArray(v)) return v.map(gramArg);
    if (v && typeof v === 'object' && v._) {
        const [ns, name] = v._.includes('.') ? v._.split('.') : [null, v._];
        const cls = ns ? Api[ns][name[0].toUpperCase() + name.slice(1)] : Api[name[0].toUpperCase() + name.slice(1)];
        return new cls(Object.fromEntries(Object.entries(v).filter(([key]) => key !== '_').map(([key, x]) => [key, gramArg(x)])));
    }
    return v;
}

function user(layer, b) {
    const id = layer === 227 ? b.id : Long.fromNumber(b.id);
    return tl(layer, {
        _: 'user', self: true, bot: true, id, accessHash: Long.fromNumber(b.id * 7), firstName: 'Test bot',
        username: b.username, botInfoVersion: 1,
    });
}

function config(st) {
    const now = Math.floor(Date.now() / 1000);
    const ints = {
        chatSizeMax: 200, megagroupSizeMax: 200000, forwardedCountMax: 100, onlineUpdatePeriodMs: 210000,
        offlineBlurTimeoutMs: 5000, offlineIdleTimeoutMs: 30000, onlineCloudTimeoutMs: 300000, notifyCloudDelayMs: 30000,
        notifyDefaultDelayMs: 1500, pushChatPeriodMs: 60000, pushChatLimit: 2, editTimeLimit: 172800,
        revokeTimeLimit: 2147483647, revokePmTimeLimit: 2147483647, ratingEDecay: 2419200, stickersRecentLimit: 200,
        channelsReadMediaPeriod: 604800, callReceiveTimeoutMs: 20000, callRingTimeoutMs: 90000,
        callConnectTimeoutMs: 30000, callPacketTimeoutMs: 10000, captionLengthMax: 1024, messageLengthMax: 4096,
        webfileDcId: 4,
    };
    return tl(st.layer, {
        _: 'config', date: now, expires: now + 3600, testMode: false, thisDc: st.dc,
        dcOptions: dcs.map((d) => ({ _: 'dcOption', id: d.id, ipAddress: '127.0.0.1', port: d.port })),
        dcTxtDomainName: 'localhost', meUrlPrefix: 'https://t.me/', ...ints,
    });
}

// --- listeners ----------------------------------------------------------------------------------------

const dcs = ids.map((id) => ({ id, port: port + id - 1 }));
const servers = await Promise.all(dcs.map((d) => new Promise((resolve, reject) => {
    const sockets = new Set();
    const server = createServer((socket) => {
        sockets.add(socket);
        const st = { dc: d.id, conn: ++connections, keyIds: new Set(), layer: null, inited: false, seq: 0, sessions: new Set() };
        const framing = new ServerFraming({});
        socket.on('data', (chunk) => {
            try {
                for (const payload of framing.push(chunk)) {
                    const replies = payload.subarray(0, 8).equals(Buffer.alloc(8)) ? [handlePlain(payload, st)] : handleEncrypted(payload, st);
                    for (const reply of replies) {
                        if (reply === 'close') {
                            socket.end();
                            return;
                        }
                        if (reply) socket.write(framing.frame(reply));
                    }
                }
            } catch (err) {
                console.error(`mini-testdc DC ${d.id}:`, err);
                socket.destroy();
            }
        });
        socket.on('error', () => {});
        socket.on('close', () => {
            sockets.delete(socket);
            if (process.env.MINI_TESTDC_MODE === 'forget-keys') {
                for (const id of st.keyIds) keys.delete(id);
            }
        });
    });
    server.once('error', reject);
    server.listen(d.port, '127.0.0.1', () => resolve({ server, sockets }));
})));

process.stdout.write(clusterLine(dcs, pair) + '\n');
const stop = () => {
    for (const { server, sockets } of servers) {
        server.close();
        for (const s of sockets) s.destroy();
    }
    process.exit(0);
};
process.stdin.resume();
process.stdin.on('end', stop);
process.on('SIGTERM', stop);
