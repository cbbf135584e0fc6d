// What both client scripts share: the command line, the cluster's JSON line, the RSA key and its
// fingerprint, the hard timeout, and the one line of output.
//
// Command line (both scripts):
//   --cluster FILE      the JSON line `jgram testdc --json` printed (or env JGRAM_TESTDC_JSON holding
//                       the line itself)
//   --dc N              the DC to log in on (the bot's home DC)
//   --token ID:SECRET   the bot token
//   --api-id N          api_id sent in initConnection and importBotAuthorization (default 12345)
//   --api-hash HEX      api_hash (default 0123456789abcdef0123456789abcdef)
//   --session FILE      where the client keeps its session between the two runs
//   --mode login|reconnect
//   --transport NAME    the client's framing; each script lists its own names (default: the client's own)
//   --timeout SECONDS   hard limit for the whole run (default 30)
//   --log LEVEL         the client's own log level, written to stderr (default: errors only)
//
// Output: exactly one JSON line on stdout, {"client":…,"mode":…,"ok":true,"me":{…},…} with exit 0,
// or {"ok":false,"error":"…"} with exit 1 (details on stderr).

import { createHash, createPublicKey } from 'node:crypto';
import { readFileSync, realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Parses `--name value` pairs; unknown names and missing values are errors. */
export function parseArgs(argv, defaults) {
    const out = { ...defaults };
    for (let i = 0; i < argv.length; i += 2) {
        const name = argv[i];
        if (!name.startsWith('--') || !(name.slice(2) in defaults)) {
            throw new UsageError(`unknown option ${name}; expected one of ${Object.keys(defaults).map((k) => `--${k}`).join(', ')}`);
        }
        if (i + 1 >= argv.length) {
            throw new UsageError(`option ${name} needs a value`);
        }
        out[name.slice(2)] = argv[i + 1];
    }
    for (const [k, v] of Object.entries(out)) {
        if (v === undefined) {
            throw new UsageError(`option --${k} is required`);
        }
    }
    if (out.mode !== 'login' && out.mode !== 'reconnect') {
        throw new UsageError(`--mode must be login or reconnect, not ${JSON.stringify(out.mode)}`);
    }
    return out;
}

/** A mistake on the command line (exit 2). */
export class UsageError extends Error {}

export const DEFAULTS = {
    'cluster': '',
    'dc': undefined,
    'token': undefined,
    'api-id': '12345',
    'api-hash': '0123456789abcdef0123456789abcdef',
    'session': undefined,
    'mode': undefined,
    'transport': '',
    'timeout': '30',
    'log': '',
};

/**
 * Reads the cluster's JSON line from --cluster FILE or from env JGRAM_TESTDC_JSON, checks its
 * shape, and checks that the printed fingerprints are those of the printed key.
 */
export function loadCluster(file) {
    let text;
    if (file) {
        text = readFileSync(file, 'utf8');
    } else if (process.env.JGRAM_TESTDC_JSON) {
        text = process.env.JGRAM_TESTDC_JSON;
    } else {
        throw new UsageError('no cluster: pass --cluster FILE or set JGRAM_TESTDC_JSON to the line `jgram testdc --json` printed');
    }
    const line = text.split('\n').find((l) => l.trim().startsWith('{'));
    if (!line) {
        throw new Error('the cluster file holds no JSON line');
    }
    const cluster = JSON.parse(line);
    if (!Array.isArray(cluster.dcs) || cluster.dcs.length === 0) {
        throw new Error('the cluster JSON has no "dcs" array');
    }
    for (const dc of cluster.dcs) {
        if (!Number.isInteger(dc.id) || typeof dc.host !== 'string' || !Number.isInteger(dc.port)) {
            throw new Error(`bad DC entry ${JSON.stringify(dc)}: expected {"id":int,"host":string,"port":int}`);
        }
    }
    if (typeof cluster.rsa_public_key_pem !== 'string' || !cluster.rsa_public_key_pem.includes('BEGIN RSA PUBLIC KEY')) {
        throw new Error('the cluster JSON has no PKCS#1 "rsa_public_key_pem" (-----BEGIN RSA PUBLIC KEY-----)');
    }
    const key = rsaKey(cluster.rsa_public_key_pem);
    if (String(cluster.fingerprint).toLowerCase() !== key.fingerprintHex) {
        throw new Error(`the cluster's "fingerprint" ${cluster.fingerprint} is not the key's: computed ${key.fingerprintHex} (the 8 wire bytes)`);
    }
    if (String(cluster.fingerprint_signed) !== key.fingerprintSigned) {
        throw new Error(`the cluster's "fingerprint_signed" ${cluster.fingerprint_signed} is not the key's: computed ${key.fingerprintSigned}`);
    }
    return { ...cluster, key };
}

/** Warns on stderr when the cluster does not list `layer` among the layers it serves. */
export function warnOnLayer(cluster, client, layer) {
    if (Array.isArray(cluster.layers) && !cluster.layers.includes(layer)) {
        console.error(`warning: the cluster lists layers ${JSON.stringify(cluster.layers)}; ${client} speaks layer ${layer}`);
    }
}

/** The DC entry for `id`, or an error naming the DCs there are. */
export function dcEntry(cluster, id) {
    const dc = cluster.dcs.find((d) => d.id === id);
    if (!dc) {
        throw new UsageError(`DC ${id} is not in the cluster; it has ${cluster.dcs.map((d) => d.id).join(', ')}`);
    }
    return dc;
}

/**
 * The RSA key of a PKCS#1 PEM: n and e as big-endian bytes, and Telegram's fingerprint: the low
 * 64 bits of SHA-1 over TL bytes(n) + TL bytes(e), as wire bytes (hex) and as a signed
 * little-endian int64 (decimal).
 */
export function rsaKey(pem) {
    const jwk = createPublicKey(pem).export({ format: 'jwk' });
    const n = Buffer.from(jwk.n, 'base64url');
    const e = Buffer.from(jwk.e, 'base64url');
    const sha = createHash('sha1').update(Buffer.concat([tlBytes(n), tlBytes(e)])).digest();
    const wire = sha.subarray(12, 20);
    return {
        n,
        e,
        fingerprintHex: wire.toString('hex'),
        fingerprintSigned: wire.readBigInt64LE(0).toString(),
        fingerprintUnsignedHex: wire.readBigUInt64LE(0).toString(16).padStart(16, '0'),
    };
}

/** TL `bytes`: a length prefix (1 byte, or 0xfe and 3 bytes), the data, zero padding to 4. */
function tlBytes(data) {
    const head = data.length < 254
        ? Buffer.from([data.length])
        : Buffer.from([254, data.length & 0xff, (data.length >> 8) & 0xff, (data.length >> 16) & 0xff]);
    const pad = (4 - ((head.length + data.length) % 4)) % 4;
    return Buffer.concat([head, data, Buffer.alloc(pad)]);
}

/** An auth key's id as the cluster's events print it: the 8 wire bytes (SHA-1's last 8) in hex. */
export function authKeyId(key) {
    if (!key || key.length !== 256) {
        return null;
    }
    return createHash('sha1').update(key).digest().subarray(12, 20).toString('hex');
}

/** A TL long or int as a JSON number when it is exact, else as a decimal string. */
export function jsonId(value) {
    const s = value.toString();
    const big = BigInt(s);
    return big <= BigInt(Number.MAX_SAFE_INTEGER) && big >= BigInt(Number.MIN_SAFE_INTEGER) ? Number(big) : s;
}

/**
 * Runs `main(options)` under a hard timeout: prints its result as one JSON line and exits 0, or
 * prints the failure and exits 1 (2 for usage errors). Library chatter on console.log goes to stderr,
 * so stdout holds only the result line.
 */
export function runMain(client, main) {
    const stdoutWrite = process.stdout.write.bind(process.stdout);
    console.log = (...args) => console.error(...args);
    console.info = (...args) => console.error(...args);
    let opts;
    try {
        opts = parseArgs(process.argv.slice(2), DEFAULTS);
    } catch (err) {
        stdoutWrite(JSON.stringify({ client, ok: false, error: String(err.message) }) + '\n');
        process.exit(err instanceof UsageError ? 2 : 1);
    }
    const seconds = Number(opts.timeout);
    const timer = setTimeout(() => {
        stdoutWrite(JSON.stringify({ client, mode: opts.mode, ok: false, error: `timed out after ${seconds} s` }) + '\n');
        process.exit(1);
    }, seconds * 1000);
    main(opts).then(
        (result) => {
            clearTimeout(timer);
            stdoutWrite(JSON.stringify({ client, mode: opts.mode, ok: true, ...result }) + '\n', () => process.exit(0));
        },
        (err) => {
            clearTimeout(timer);
            console.error(err);
            stdoutWrite(JSON.stringify({ client, mode: opts.mode, ok: false, error: String(err && err.message ? err.message : err) }) + '\n',
                () => process.exit(err instanceof UsageError ? 2 : 1));
        },
    );
}

/** Waits for `promise` at most `ms` milliseconds; never rejects (closing must not fail the run). */
export async function settle(promise, ms) {
    let timer;
    await Promise.race([
        Promise.resolve(promise).catch((err) => console.error('while closing:', err)),
        new Promise((resolve) => { timer = setTimeout(resolve, ms); }),
    ]);
    clearTimeout(timer);
}

/** Whether the module at `url` is the script node was started with (symlinks resolved). */
export function isMain(url) {
    try {
        return realpathSync(process.argv[1]) === realpathSync(fileURLToPath(url));
    } catch {
        return false;
    }
}

/** The bot id: the digits before the colon of the token. */
export function botIdOf(token) {
    const m = /^(\d+):(.+)$/.exec(token);
    if (!m) {
        throw new UsageError('--token must look like <bot id>:<secret>');
    }
    return m[1];
}
