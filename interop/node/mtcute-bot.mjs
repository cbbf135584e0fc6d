// mtcute (npm @mtcute/node 0.30, layer 227) logs a bot in against jgram's testdc cluster, or
// reconnects from the session it saved. Options: see lib/common.mjs. Transports: intermediate
// (mtcute's default on Node: TcpTransport with the 0xeeeeeeee tag), obfuscated (obfuscated
// intermediate), padded (padded intermediate, 0xdddddddd).
//
// Overrides, all through mtcute's public API:
//  1. Key: addPublicKey(crypto, pem) from @mtcute/node/utils.js adds a PKCS#1 PEM to mtcute's key
//     index (a process-wide table). mtcute 0.30.3 indexes keys by the zero-padded hex fingerprint but
//     looks them up unpadded, so a key whose top hex digit is 0 is never found; we refuse such a key
//     with that explanation.
//  2. Address: `defaultDcs` {main, media} for the first start (both the cluster's DC, mediaOnly
//     false); mtcute stores them with the auth key and uses the stored ones afterwards. Other DCs it
//     learns only from help.getConfig's dc_options. testMode stays off (on, it would send dc+10000
//     in p_q_inner_data_dc).
//  3. Session: SqliteStorage at --session (better-sqlite3; it survives a restart, holding the auth
//     key, the DCs, the future salts and the logged-in user).
//  4. disableUpdates: true, so no updates loop races the exit; mtcute then wraps every call in
//     invokeWithoutUpdates and, after auth.authorization, resets its sessions (new session_id).

import { existsSync } from 'node:fs';
import { BaseTelegramClient, TelegramClient, SqliteStorage, TcpTransport, IntermediatePacketCodec, PaddedIntermediatePacketCodec, ObfuscatedPacketCodec } from '@mtcute/node';
import { addPublicKey, NodeCryptoProvider } from '@mtcute/node/utils.js';
import { authKeyId, botIdOf, dcEntry, isMain, warnOnLayer, jsonId, loadCluster, runMain, settle, UsageError } from './lib/common.mjs';

/** A TcpTransport whose framing is the named one. */
function transportFor(name) {
    const tcp = new TcpTransport();
    const codecs = {
        intermediate: () => new IntermediatePacketCodec(),
        padded: () => new PaddedIntermediatePacketCodec(),
        obfuscated: () => new ObfuscatedPacketCodec(new IntermediatePacketCodec()),
    };
    const codec = codecs[name || 'intermediate'];
    if (!codec) {
        throw new UsageError(`--transport for mtcute is one of ${Object.keys(codecs).join(', ')}`);
    }
    if (!name) {
        return tcp;
    }
    return { connect: (dc) => tcp.connect(dc), packetCodec: codec };
}

/** Adds the cluster's key to mtcute's key index (refusing a key mtcute 0.30.3 could not find). */
export function trustClusterKey(cluster) {
    if (cluster.key.fingerprintUnsignedHex.startsWith('0')) {
        throw new Error(`mtcute 0.30.3 cannot use the cluster's key: its fingerprint ${cluster.key.fingerprintUnsignedHex} starts with 0, `
            + 'and mtcute looks keys up by the unpadded hex (network/authorization.ts) while it indexes them padded (utils/crypto/keys.ts); '
            + 'the cluster must use a key whose fingerprint has a non-zero top hex digit');
    }
    addPublicKey(new NodeCryptoProvider(), cluster.rsa_public_key_pem);
}

/** The base client and the high-level one over it, storing in `sessionFile`. */
export function makeClient(cluster, opts, dc) {
    trustClusterKey(cluster);
    const storage = new SqliteStorage(opts.session);
    const option = { id: dc.id, ipAddress: dc.host, port: dc.port };
    const logLevels = { none: 0, error: 1, warn: 2, info: 3, debug: 4, verbose: 5 };
    const base = new BaseTelegramClient({
        apiId: Number(opts['api-id']),
        apiHash: opts['api-hash'],
        storage,
        defaultDcs: { main: { ...option }, media: { ...option } },
        testMode: false,
        disableUpdates: true,
        transport: transportFor(opts.transport),
        logLevel: logLevels[opts.log || 'error'] ?? 1,
        initConnectionOptions: { deviceModel: 'jgram interop', appVersion: '0.30' },
    });
    const tg = new TelegramClient({ client: base, disableUpdates: true });
    return { base, tg, storage };
}

async function main(opts) {
    const cluster = loadCluster(opts.cluster);
    const dcId = Number(opts.dc);
    const dc = dcEntry(cluster, dcId);
    botIdOf(opts.token);
    if (opts.mode === 'reconnect' && !existsSync(opts.session)) {
        throw new UsageError(`no saved session at ${opts.session}: run --mode login first`);
    }
    if (opts.mode === 'login' && existsSync(opts.session)) {
        throw new UsageError(`${opts.session} exists already; login starts from no session`);
    }
    const { base, tg, storage } = makeClient(cluster, opts, dc);
    warnOnLayer(cluster, 'mtcute', base.mt._layer);
    // mtcute retries a failed connection or key exchange forever and reports each failure to
    // onError. The second one ends this run, with its message: one retry is allowed because mtcute,
    // like GramJS, drops a leading zero byte of the DH result (about 1 exchange in 256 fails its
    // new_nonce_hash check and is redone).
    const errors = [];
    let failed;
    const firstError = new Promise((_, reject) => { failed = reject; });
    firstError.catch(() => {});
    tg.onError.add((err) => {
        errors.push(err);
        if (errors.length >= 2) failed(new Error(`mtcute reported: ${err && err.message ? err.message : err}`));
    });
    try {
        return await Promise.race([firstError, work(opts, base, tg, storage, dcId, errors)]);
    } finally {
        await settle(tg.destroy(), 3000);
    }
}

/** Login (start) or reconnect (connect), then getMe; answers what the run prints. */
async function work(opts, base, tg, storage, dcId, errors) {
    if (opts.mode === 'login') {
        // start(): users.getUsers([inputUserSelf]) as the probe (wrapped in
        // invokeWithLayer(227, initConnection(…)) as the connection's first query), then
        // auth.importBotAuthorization on AUTH_KEY_UNREGISTERED.
        await tg.start({ botToken: opts.token });
    } else {
        await tg.connect();
    }
    const me = await tg.getMe();
    // mtcute stores its primary DCs only after a migration or importSession; otherwise a restart
    // starts from defaultDcs again (and finds the key stored under that DC id).
    const stored = await base.mt.storage.dcs.fetch();
    const primary = (stored ?? base.mt._defaultDcs).main;
    const key = await storage.authKeys.get(primary.id);
    return {
        layer: base.mt._layer,
        transport: opts.transport || 'intermediate',
        auth_key_id: authKeyId(key),
        session: { dc: primary.id, address: primary.ipAddress, port: primary.port, dcs_stored: stored !== null },
        me: { id: jsonId(me.id), is_bot: Boolean(me.isBot), username: me.username ?? null, first_name: me.firstName ?? null },
        client_errors: errors.map((e) => String(e.message ?? e)),
    };
}

if (isMain(import.meta.url)) {
    runMain('mtcute', main);
}
