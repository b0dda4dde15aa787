// A bare node:http server that sends the same small JSON body for every request, with no
// routing and no checks: the ceiling any Node mock server can reach on the machine.
// Usage: node scripts/bench/bare-http.mjs PORT
import http from 'node:http';

const body = Buffer.from(JSON.stringify({ id: 1, name: 'Rex', kind: { bark: 'loud' }, age: 3 }));
const server = http.createServer((request, response) => {
  request.resume();
  response.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length });
  response.end(body);
});
server.listen(Number(process.argv[2]), '127.0.0.1');
for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => server.close());
