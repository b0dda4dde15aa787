// Compares the hand-written combined-log parser with a regular expression on the first lines
// of a log. Both fill the same record with the same time cache, method constants and client
// identity. They run in alternating rounds, and the CPU milliseconds of each round print as JSON.
import { createReadStream } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';

const [repoRoot, logFile, count = '1000000'] = process.argv.slice(2);
const load = (file) =>
  import(pathToFileURL(path.join(repoRoot, 'packages/policy/dist', file)).href);
const { combinedParser } = await load('scan/combined-format.js');
const { emptyRecord } = await load('scan/log-record.js');
const { parseClfTime } = await load('scan/clf-time.js');
const { productToken } = await load('scan/identity.js');

const lines = [];
const reader = createInterface({ input: createReadStream(logFile) });
for await (const line of reader) {
  lines.push(line);
  if (lines.length >= Number(count)) break;
}
reader.close();

const COMBINED =
  /^(\S+) \S+ (\S+) \[([^\]]+)\] "(\S+) (\S+)[^"]*" \d{3} \S+ "(?:[^"\\]|\\.)*" "((?:[^"\\]|\\.)*)"/;
const METHODS = new Map(
  ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS'].map((m) => [m, m]),
);

/** Builds the regular-expression parser, filling the record as the hand-written one does. */
function regexParser() {
  let lastTimeText = '';
  let lastTime = Number.NaN;
  return (line, record) => {
    const match = COMBINED.exec(line);
    if (!match) return false;
    if (match[3] !== lastTimeText) {
      lastTimeText = match[3];
      lastTime = parseClfTime(lastTimeText);
    }
    record.time = lastTime;
    record.method = METHODS.get(match[4]) ?? match[4];
    record.target = match[5];
    record.count = 1;
    const token = productToken(match[6]);
    if (match[2] !== '-') [record.client, record.clientSource] = [match[2], 'api-key'];
    else if (token !== '') [record.client, record.clientSource] = [token, 'user-agent'];
    else [record.client, record.clientSource] = [match[1], 'ip'];
    return true;
  };
}

function cpuMs(parse) {
  const record = emptyRecord();
  const start = process.cpuUsage();
  for (const line of lines) parse(line, record);
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

const rounds = { lines: lines.length, handWritten: [], regex: [] };
for (let round = 0; round < 5; round += 1) {
  rounds.handWritten.push(cpuMs(combinedParser()));
  rounds.regex.push(cpuMs(regexParser()));
}
console.log(JSON.stringify(rounds));
