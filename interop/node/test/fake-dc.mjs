// A fake DC for the dial tests: it listens on 127.0.0.1, tells the transport from the first bytes,
// answers req_pq_multi with resPQ (the test key's fingerprint), opens the client's req_DH_params with
// the test key's private half (RSA_PAD or the old SHA-1 padding) and records what it found; an
// encrypted first message (a stored key) it decrypts with the key the test gave it and records the
// wrappers and the query inside. Then it closes the connection: the clients fail after that, which
// the tests expect. It is not a server; jgram's testdc is.

import { createServer } from 'node:net';
import { createCipheriv, createDecipheriv, createHash, generateKeyPairSync, privateDecrypt, constants, randomBytes } from 'node:crypto';
import { inflateSync, gunzipSync } from 'node:zlib';
import { rsaKey } from '../lib/common.mjs';

/** pq = 0x17ED48941A08F981 = 0x494C553B × 0x53911073 (the value of the protocol's sample exchange). */
export const PQ = Buffer.from('17ed48941a08f981', 'hex');

export const NAMES = {
    0xbe7e8ef1: 'req_pq_multi', 0x60469778: 'req_pq', 0xd712e4be: 'req_DH_params',
    0x83c95aec: 'p_q_inner_data', 0xa9f55f95: 'p_q_inner_data_dc',
    0x3c6a84d4: 'p_q_inner_data_temp', 0x56fddf88: 'p_q_inner_data_temp_dc',
    0x73f1f8dc: 'msg_container', 0x3072cfa1: 'gzip_packed', 0x62d6b459: 'msgs_ack',
    0xf3427b8c: 'ping_delay_disconnect', 0x7abe77ec: 'ping', 0xb921bd04: 'get_future_salts',
    0xda69fb52: 'msgs_state_req', 0xda9b0d0d: 'invokeWithLayer', 0xc1cd5ea9: 'initConnection',
    0xbf9459b7: 'invokeWithoutUpdates', 0x0d91a548: 'users.getUsers', 0xc4f9186b: 'help.getConfig',
    0xedd4882a: 'updates.getState', 0x67a3ff2c: 'auth.importBotAuthorization', 0x1fb33026: 'help.getNearestDc',
};

export const nameOf = (id) => NAMES[id] ?? `#${id.toString(16).padStart(8, '0')}`;

/** An RSA key pair whose fingerprint has a non-zero top hex digit (mtcute 0.30.3 needs that, see the spec §1.5). */
export function testKeyPair() {
    for (;;) {
        const { publicKey, privateKey } = generateKeyPairSync('rsa', {
            modulusLength: 2048,
            publicKeyEncoding: { type: 'pkcs1', format: 'pem' },
            privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
        });
        const key = rsaKey(publicKey);
        if (key.fingerprintUnsignedHex[0] !== '0') {
            return { publicKey, privateKey, key };
        }
    }
}

/** The JSON line `jgram testdc --json` prints, for a fake cluster. */
export function clusterLine(dcs, pair) {
    return JSON.stringify({
        dcs: dcs.map((d) => ({ id: d.id, host: '127.0.0.1', port: d.port })),
        rsa_public_key_pem: pair.publicKey,
        fingerprint: pair.key.fingerprintHex,
        fingerprint_signed: pair.key.fingerprintSigned,
        layers: [198, 227],
    });
}

/**
 * Starts a fake DC on `port`. `authKeys` maps a key id (16 hex digits, wire order) to a 256-byte
 * key for decrypting a stored-key first message. Resolves to {port, connections, close()}, where
 * each connection records {transport, firstBytes, messages: […], done}.
 */
export function startFakeDc(port, pair, authKeys = new Map()) {
    const connections = [];
    const sockets = new Set();
    const server = createServer((socket) => {
        sockets.add(socket);
        socket.on('close', () => sockets.delete(socket));
        const conn = { transport: null, firstBytes: null, messages: [], done: null };
        let finish;
        conn.done = new Promise((resolve) => { finish = resolve; });
        connections.push(conn);
        const framing = new ServerFraming(conn);
        const state = {};
        socket.on('data', (chunk) => {
            try {
                for (const payload of framing.push(chunk)) {
                    const reply = handle(payload, conn, state, pair, authKeys);
                    if (reply === 'close') {
                        socket.end();
                        finish();
                        return;
                    }
                    if (reply) {
                        socket.write(framing.frame(reply));
                    }
                }
            } catch (err) {
                conn.error = String(err.stack ?? err);
                socket.destroy();
                finish();
            }
        });
        socket.on('close', () => finish());
        socket.on('error', () => finish());
    });
    return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, '127.0.0.1', () => resolve({
            port,
            connections,
            close: () => new Promise((r) => {
                server.close(() => r());
                for (const socket of sockets) socket.destroy();
            }),
        }));
    });
}

/** Splits the client's byte stream into transport payloads and frames replies the same way. */
export class ServerFraming {
    constructor(conn) {
        this.conn = conn;
        this.buf = Buffer.alloc(0);
        this.kind = null;
        this.decrypt = null;
        this.encrypt = null;
        this.seq = 0;
    }

    push(chunk) {
        if (this.decrypt) {
            this.buf = Buffer.concat([this.buf, this.decrypt.update(chunk)]);
        } else {
            this.buf = Buffer.concat([this.buf, chunk]);
            if (!this.kind && !this.detect()) {
                return [];
            }
        }
        const out = [];
        for (let p = this.next(); p; p = this.next()) {
            out.push(p);
        }
        return out;
    }

    detect() {
        const b = this.buf;
        if (b.length < 1) return false;
        if (this.conn.firstBytes === null) this.conn.firstBytes = b.subarray(0, 16).toString('hex');
        if (b[0] === 0xef) {
            this.kind = 'abridged';
            this.buf = b.subarray(1);
        } else if (b.length >= 4 && b.readUInt32LE(0) === 0xeeeeeeee) {
            this.kind = 'intermediate';
            this.buf = b.subarray(4);
        } else if (b.length >= 4 && b.readUInt32LE(0) === 0xdddddddd) {
            this.kind = 'padded-intermediate';
            this.buf = b.subarray(4);
        } else if (b.length >= 8 && b.readUInt32LE(4) === 0 && b.readUInt32LE(0) < 0x1000000) {
            this.kind = 'full';
        } else if (b.length >= 64) {
            this.startObfuscated(b.subarray(0, 64));
            this.buf = this.decrypt.update(b.subarray(64));
        } else {
            return false;
        }
        this.conn.transport = this.kind;
        return true;
    }

    startObfuscated(header) {
        const key = header.subarray(8, 40);
        const iv = header.subarray(40, 56);
        const rev = Buffer.from(header.subarray(8, 56)).reverse();
        this.decrypt = createDecipheriv('aes-256-ctr', key, iv);
        this.encrypt = createCipheriv('aes-256-ctr', rev.subarray(0, 32), rev.subarray(32, 48));
        const opened = this.decrypt.update(header);
        const tag = opened.subarray(56, 60);
        const inner = { efefefef: 'abridged', eeeeeeee: 'intermediate', dddddddd: 'padded-intermediate' }[tag.toString('hex')];
        if (!inner) throw new Error(`obfuscated header with unknown protocol tag ${tag.toString('hex')}`);
        this.kind = inner;
        this.conn.obfuscated = true;
        this.conn.obfuscatedDc = opened.readInt16LE(60);
    }

    next() {
        const b = this.buf;
        let len;
        let skip;
        if (this.kind === 'abridged') {
            if (b.length < 1) return null;
            if (b[0] < 0x7f) { len = b[0] * 4; skip = 1; } else { if (b.length < 4) return null; len = b.readUIntLE(1, 3) * 4; skip = 4; }
        } else if (this.kind === 'full') {
            if (b.length < 4) return null;
            len = b.readUInt32LE(0) - 4; skip = 4;
        } else {
            if (b.length < 4) return null;
            len = b.readUInt32LE(0); skip = 4;
        }
        if (b.length < skip + len) return null;
        let payload = b.subarray(skip, skip + len);
        this.buf = b.subarray(skip + len);
        if (this.kind === 'full') {
            const seq = payload.readUInt32LE(0);
            const body = payload.subarray(4, payload.length - 4);
            const crc = payload.readUInt32LE(payload.length - 4);
            const header = Buffer.alloc(4); header.writeUInt32LE(len + 4);
            if (crc32(Buffer.concat([header, payload.subarray(0, payload.length - 4)])) !== crc) throw new Error('bad CRC32 in a full-transport frame');
            this.conn.fullSeq = (this.conn.fullSeq ?? []).concat(seq);
            payload = body;
        }
        return payload;
    }

    frame(payload) {
        let out;
        if (this.kind === 'abridged') {
            const words = payload.length / 4;
            const head = words < 0x7f ? Buffer.from([words]) : Buffer.from([0x7f, words & 0xff, (words >> 8) & 0xff, (words >> 16) & 0xff]);
            out = Buffer.concat([head, payload]);
        } else if (this.kind === 'full') {
            const head = Buffer.alloc(8);
            head.writeUInt32LE(payload.length + 12, 0);
            head.writeUInt32LE(this.seq++, 4);
            const crc = Buffer.alloc(4);
            crc.writeUInt32LE(crc32(Buffer.concat([head, payload])));
            out = Buffer.concat([head, payload, crc]);
        } else {
            const head = Buffer.alloc(4);
            head.writeUInt32LE(payload.length);
            out = Buffer.concat([head, payload]);
        }
        return this.encrypt ? this.encrypt.update(out) : out;
    }
}

function handle(payload, conn, state, pair, authKeys) {
    const keyId = payload.subarray(0, 8);
    if (keyId.equals(Buffer.alloc(8))) {
        return handlePlain(payload, conn, state, pair);
    }
    conn.messages.push(decodeEncrypted(payload, authKeys));
    return 'close';
}

function handlePlain(payload, conn, state, pair) {
    const msgId = payload.readBigUInt64LE(8);
    const len = payload.readUInt32LE(16);
    const body = payload.subarray(20, 20 + len);
    const r = new Reader(body);
    const ctor = r.u32();
    const msg = { encrypted: false, msg_id: msgId.toString(), msg_id_mod4: Number(msgId % 4n), name: nameOf(ctor), length: len };
    conn.messages.push(msg);
    if (ctor === 0xbe7e8ef1 || ctor === 0x60469778) {
        state.nonce = r.raw(16);
        state.serverNonce = randomBytes(16);
        const w = new Writer();
        w.u32(0x05162463).raw(state.nonce).raw(state.serverNonce).bytes(PQ).u32(0x1cb5c415).u32(1).raw(Buffer.from(pair.key.fingerprintHex, 'hex'));
        return plainMessage(w.done());
    }
    if (ctor === 0xd712e4be) {
        const nonce = r.raw(16);
        const serverNonce = r.raw(16);
        msg.nonces_match = nonce.equals(state.nonce) && serverNonce.equals(state.serverNonce);
        msg.p = r.bytes().toString('hex');
        msg.q = r.bytes().toString('hex');
        msg.fingerprint = r.raw(8).toString('hex');
        const encrypted = r.bytes();
        Object.assign(msg, openInnerData(encrypted, pair.privateKey));
        return 'close';
    }
    return 'close';
}

export function plainMessage(body) {
    const head = Buffer.alloc(20);
    const ms = BigInt(Date.now());
    const msgId = ((ms / 1000n) << 32n) | (((ms % 1000n) << 22n) & 0xfffffffcn) | 1n;
    head.writeBigUInt64LE(msgId, 8);
    head.writeUInt32LE(body.length, 16);
    return Buffer.concat([head, body]);
}

/** Opens req_DH_params.encrypted_data: RSA_PAD first, then the old SHA-1 padding. */
export function openInnerData(encrypted, privateKeyPem) {
    const plain = privateDecrypt({ key: privateKeyPem, padding: constants.RSA_NO_PADDING }, encrypted);
    const tempKeyXor = plain.subarray(0, 32);
    const aesEncrypted = plain.subarray(32);
    const tempKey = xor(tempKeyXor, sha256(aesEncrypted));
    const dataWithHash = igeDecrypt(aesEncrypted, tempKey, Buffer.alloc(32));
    const dataWithPadding = Buffer.from(dataWithHash.subarray(0, 192)).reverse();
    if (sha256(Buffer.concat([tempKey, dataWithPadding])).equals(dataWithHash.subarray(192))) {
        return withNonces({ padding: 'rsa_pad' }, innerData(dataWithPadding));
    }
    const old = plain.subarray(plain.length - 255);
    try {
        const parsed = innerData(old.subarray(20));
        if (sha1(old.subarray(20, 20 + parsed.inner_length)).equals(old.subarray(0, 20))) {
            return withNonces({ padding: 'sha1' }, parsed);
        }
    } catch {
        // not the old padding either
    }
    return { padding: 'unknown' };
}

function withNonces(head, parsed) {
    const out = { ...head, ...parsed };
    Object.defineProperty(out, 'nonces', { enumerable: false, value: parsed.nonces });
    return out;
}

function innerData(data) {
    const r = new Reader(data);
    const ctor = r.u32();
    const out = { inner: nameOf(ctor) };
    r.bytes(); r.bytes(); r.bytes();
    Object.defineProperty(out, 'nonces', { enumerable: false, value: { nonce: r.raw(16), serverNonce: r.raw(16), newNonce: r.raw(32) } });
    if (ctor === 0xa9f55f95 || ctor === 0x56fddf88) out.dc = r.i32();
    if (ctor === 0x3c6a84d4 || ctor === 0x56fddf88) out.expires_in = r.i32();
    out.inner_length = r.pos;
    return out;
}

/** Decrypts a client message with a key the test gave, and names what is inside. */
function decodeEncrypted(payload, authKeys) {
    const keyIdHex = payload.subarray(0, 8).toString('hex');
    const out = { encrypted: true, auth_key_id: keyIdHex };
    const key = authKeys.get(keyIdHex);
    if (!key) {
        out.known_key = false;
        return out;
    }
    out.known_key = true;
    const msgKey = payload.subarray(8, 24);
    const a = sha256(Buffer.concat([msgKey, key.subarray(0, 36)]));
    const b = sha256(Buffer.concat([key.subarray(40, 76), msgKey]));
    const aesKey = Buffer.concat([a.subarray(0, 8), b.subarray(8, 24), a.subarray(24, 32)]);
    const aesIv = Buffer.concat([b.subarray(0, 8), a.subarray(8, 24), b.subarray(24, 32)]);
    const cipher = payload.subarray(24, 24 + Math.floor((payload.length - 24) / 16) * 16);
    const plain = igeDecrypt(cipher, aesKey, aesIv);
    out.msg_key_ok = sha256(Buffer.concat([key.subarray(88, 120), plain])).subarray(8, 24).equals(msgKey);
    if (!out.msg_key_ok) {
        return out;
    }
    out.salt = plain.readBigInt64LE(0).toString();
    out.session_id = plain.subarray(8, 16).toString('hex');
    const msgId = plain.readBigUInt64LE(16);
    out.msg_id_mod4 = Number(msgId % 4n);
    out.seqno = plain.readUInt32LE(24);
    const len = plain.readUInt32LE(28);
    out.body = describe(new Reader(plain.subarray(32, 32 + len)));
    return out;
}

/** Names the object at the reader and what it wraps, as far as the login path needs. */
function describe(r) {
    const ctor = r.u32();
    const name = nameOf(ctor);
    switch (ctor) {
        case 0x73f1f8dc: {
            const n = r.u32();
            const items = [];
            for (let i = 0; i < n; i++) {
                r.raw(8);
                const seqno = r.u32();
                const len = r.u32();
                items.push({ seqno, ...describe(new Reader(r.raw(len))) });
            }
            return { name, items };
        }
        case 0x3072cfa1: {
            const packed = r.bytes();
            const zlib = packed[0] === 0x78;
            const inner = zlib ? inflateSync(packed) : gunzipSync(packed);
            return { name, stream: zlib ? 'zlib' : 'gzip', query: describe(new Reader(inner)) };
        }
        case 0xda9b0d0d:
            return { name, layer: r.i32(), query: describe(r) };
        case 0xbf9459b7:
            return { name, query: describe(r) };
        case 0xc1cd5ea9: {
            const flags = r.u32();
            const fields = { api_id: r.i32(), device_model: r.str(), system_version: r.str(), app_version: r.str(), system_lang_code: r.str(), lang_pack: r.str(), lang_code: r.str() };
            if (flags & 1) { r.u32(); fields.proxy = { address: r.str(), port: r.i32() }; }
            if (flags & 2) return { name, flags, ...fields, query: { name: '(after params: not decoded)' } };
            return { name, flags, ...fields, query: describe(r) };
        }
        case 0xf3427b8c:
            return { name, ping_id: r.raw(8).toString('hex'), disconnect_delay: r.i32() };
        case 0xb921bd04:
            return { name, num: r.i32() };
        case 0x62d6b459:
            return { name };
        default:
            return { name };
    }
}

export class Reader {
    constructor(buf) { this.buf = buf; this.pos = 0; }
    u32() { const v = this.buf.readUInt32LE(this.pos); this.pos += 4; return v; }
    i32() { const v = this.buf.readInt32LE(this.pos); this.pos += 4; return v; }
    raw(n) { const v = this.buf.subarray(this.pos, this.pos + n); if (v.length !== n) throw new Error('short read'); this.pos += n; return v; }
    bytes() {
        let len = this.buf[this.pos];
        let head = 1;
        if (len === 254) { len = this.buf.readUIntLE(this.pos + 1, 3); head = 4; }
        const v = this.buf.subarray(this.pos + head, this.pos + head + len);
        this.pos += head + len;
        this.pos += (4 - (this.pos % 4)) % 4;
        return v;
    }
    str() { return this.bytes().toString('utf8'); }
    i64() { const v = this.buf.readBigInt64LE(this.pos); this.pos += 8; return v; }
    rest() { return this.buf.subarray(this.pos); }
}

export class Writer {
    constructor() { this.parts = []; }
    u32(v) { const b = Buffer.alloc(4); b.writeUInt32LE(v >>> 0); this.parts.push(b); return this; }
    i32(v) { const b = Buffer.alloc(4); b.writeInt32LE(v); this.parts.push(b); return this; }
    i64(v) { const b = Buffer.alloc(8); b.writeBigInt64LE(BigInt(v)); this.parts.push(b); return this; }
    raw(b) { this.parts.push(Buffer.from(b)); return this; }
    bytes(b) {
        const head = b.length < 254 ? Buffer.from([b.length]) : Buffer.from([254, b.length & 0xff, (b.length >> 8) & 0xff, b.length >> 16]);
        const pad = (4 - ((head.length + b.length) % 4)) % 4;
        this.parts.push(head, b, Buffer.alloc(pad));
        return this;
    }
    done() { return Buffer.concat(this.parts); }
}

export function igeEncrypt(data, key, iv) {
    const ecb = createCipheriv('aes-256-ecb', key, null).setAutoPadding(false);
    let y = iv.subarray(0, 16);
    let x = iv.subarray(16, 32);
    const out = Buffer.alloc(data.length);
    for (let i = 0; i < data.length; i += 16) {
        const p = data.subarray(i, i + 16);
        const c = xor(ecb.update(xor(p, y)), x);
        c.copy(out, i);
        y = c;
        x = p;
    }
    return out;
}

export function igeDecrypt(data, key, iv) {
    const ecb = createDecipheriv('aes-256-ecb', key, null).setAutoPadding(false);
    let x = iv.subarray(16, 32);
    let y = iv.subarray(0, 16);
    const out = Buffer.alloc(data.length);
    for (let i = 0; i < data.length; i += 16) {
        const c = data.subarray(i, i + 16);
        const p = xor(ecb.update(xor(c, x)), y);
        p.copy(out, i);
        x = p;
        y = c;
    }
    return out;
}

export const sha256 = (b) => createHash('sha256').update(b).digest();
export const sha1 = (b) => createHash('sha1').update(b).digest();

export function xor(a, b) {
    const out = Buffer.alloc(a.length);
    for (let i = 0; i < a.length; i++) out[i] = a[i] ^ b[i];
    return out;
}

const CRC_TABLE = (() => {
    const t = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
        let c = n;
        for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
        t[n] = c >>> 0;
    }
    return t;
})();

function crc32(buf) {
    let c = 0xffffffff;
    for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
}

/**
 * Starts fake DCs with the given ids on free ports in 22000..31999 (GramJS stores ports as signed
 * 16-bit numbers, and Linux hands out ephemeral ports above 32767). Resolves to {dcs, line, close()}.
 */
export async function startFakeCluster(ids, pair, authKeys = new Map()) {
    for (let attempt = 0; attempt < 20; attempt++) {
        const base = 22000 + Math.floor(Math.random() * 1000) * 10;
        const started = [];
        try {
            for (const id of ids) {
                started.push({ id, ...(await startFakeDc(base + id - 1, pair, authKeys)) });
            }
            return {
                dcs: started,
                byId: (id) => started.find((d) => d.id === id),
                line: clusterLine(started.map((d) => ({ id: d.id, port: d.port })), pair),
                close: () => Promise.all(started.map((d) => d.close())),
            };
        } catch (err) {
            await Promise.all(started.map((d) => d.close()));
            if (err.code !== 'EADDRINUSE') throw err;
        }
    }
    throw new Error('no free ports for a fake cluster after 20 tries');
}

/** `describe` for a whole message body; a body it cannot walk is named by its error. */
export function describeBody(buf) {
    try {
        return describe(new Reader(buf));
    } catch (err) {
        return { name: nameOf(buf.readUInt32LE(0)), error: String(err.message ?? err) };
    }
}
