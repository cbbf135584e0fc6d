#!/usr/bin/env node
// A stand-in launcher for the run.sh tests: `fake-testdc.mjs testdc --json --port P --dcs 1,2,3 …`
// starts fake DCs (test/fake-dc.mjs: they stop clients after req_DH_params), prints the JSON line
// `jgram testdc --json` prints, writes a `{"ev":"started"}` line to --events, and stops when its
// stdin closes. FAKE_TESTDC_MODE=ignore-stdin makes it ignore that (run.sh must then kill it);
// FAKE_TESTDC_MODE=die makes it exit at once with an error; FAKE_TESTDC_PIDFILE gets its pid.

import { appendFileSync, writeFileSync } from 'node:fs';
import { startFakeDc, testKeyPair, clusterLine } from './fake-dc.mjs';

const argv = process.argv.slice(2);
const opt = (name, fallback) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : fallback;
};
if (argv[0] !== 'testdc' || !argv.includes('--json')) {
    console.error('fake-testdc: expected `testdc --json ...`');
    process.exit(2);
}
if (process.env.FAKE_TESTDC_PIDFILE) {
    writeFileSync(process.env.FAKE_TESTDC_PIDFILE, String(process.pid));
}
if (process.env.FAKE_TESTDC_MODE === 'die') {
    console.error('fake-testdc: dying on purpose');
    process.exit(3);
}
const port = Number(opt('--port', '21000'));
const ids = opt('--dcs', '1,2,3,4,5').split(',').map(Number);
const pair = testKeyPair();
const dcs = [];
for (const id of ids) {
    dcs.push({ id, ...(await startFakeDc(port + id - 1, pair)) });
}
const events = opt('--events');
if (events) {
    appendFileSync(events, JSON.stringify({ ev: 'started' }) + '\n');
}
process.stdout.write(clusterLine(dcs.map((d) => ({ id: d.id, port: d.port })), pair) + '\n');
if (process.env.FAKE_TESTDC_MODE === 'ignore-stdin') {
    process.on('SIGTERM', () => {}); // run.sh must fall back to KILL
    setInterval(() => {}, 1000);
} else {
    process.stdin.resume();
    process.stdin.on('end', async () => {
        await Promise.all(dcs.map((d) => d.close()));
        process.exit(0);
    });
}
