// Writes a synthetic NGINX combined access log for the scan benchmark: requests to the
// operations of an OpenAPI spec with concrete path values, query strings on a third of them,
// 2 % unmatched paths and 0.1 % malformed lines. 5,000 clients call the API with a skewed
// popularity (a few clients send most requests), and each client calls 25 operations of its
// own, so the (operation, client) pairs stay in the tens of thousands as in real traffic.
import { createWriteStream, readFileSync } from 'node:fs';
import { once } from 'node:events';

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];
const AGENTS = [
  'octokit-rest.js/20.1.1 octokit-core.js/5.2.0 Node.js/20',
  'PyGithub/Python',
  'gh-cli/2.62.0 (linux; amd64)',
  'curl/8.5.0',
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36',
  'terraform-provider-github/6.4.0',
  '-',
];

/** Lists `METHOD /concrete/path` request lines for every operation of the spec. */
function requestTargets(specFile) {
  const spec = JSON.parse(readFileSync(specFile, 'utf8'));
  const targets = [];
  for (const [template, item] of Object.entries(spec.paths ?? {})) {
    for (const method of METHODS) {
      if (!item[method]) continue;
      let counter = 0;
      const concrete = template.replace(/\{[^}]+\}/g, () => `v${(counter += 7) * 13}x`);
      targets.push(`${method.toUpperCase()} ${concrete}`);
    }
  }
  return targets;
}

/**
 * Writes `lines` log lines to `file` in batches, waiting on the stream's backpressure,
 * so memory stays flat whatever the line count. Returns the number of bytes written.
 */
export async function writeScanLog(file, lines, specFile) {
  const targets = requestTargets(specFile);
  const out = createWriteStream(file);
  const start = Date.UTC(2026, 10, 1);
  let bytes = 0;
  const batch = [];
  for (let index = 0; index < lines; index += 1) {
    batch.push(logLine(index, targets, start));
    if (batch.length === 10_000 || index === lines - 1) {
      const text = `${batch.join('\n')}\n`;
      bytes += Buffer.byteLength(text);
      batch.length = 0;
      if (!out.write(text)) await once(out, 'drain');
    }
  }
  out.end();
  await once(out, 'finish');
  return bytes;
}

function logLine(index, targets, start) {
  if (index % 1000 === 999) return `malformed line ${index} without a request`;
  const time = new Date(start + Math.floor(index / 50) * 1000);
  const stamp = clfTime(time);
  const random = hash(index) / 2 ** 32;
  const client = Math.floor(5000 * random ** 3);
  const ip = `10.${(client >> 8) & 255}.${client & 255}.${index % 7}`;
  const user = client % 5 === 0 ? `key-${client}` : '-';
  const agent = AGENTS[client % AGENTS.length];
  const target =
    index % 50 === 17
      ? `GET /not/in/the/spec/${index % 97}`
      : targets[(client * 131 + (hash(index + 1) % 25) * 49) % targets.length];
  const query = index % 3 === 0 ? '?per_page=100&page=2' : '';
  const [method, path] = target.split(' ');
  return `${ip} - ${user} [${stamp}] "${method} ${path}${query} HTTP/1.1" 200 ${index % 9000} "-" "${agent}"`;
}

/** Hashes an integer to 32 bits (xorshift-multiply), so the log is the same on every run. */
function hash(value) {
  let x = (value + 0x9e3779b9) | 0;
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function clfTime(date) {
  const pad = (value) => String(value).padStart(2, '0');
  return `${pad(date.getUTCDate())}/${MONTHS[date.getUTCMonth()]}/${date.getUTCFullYear()}:${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} +0000`;
}
