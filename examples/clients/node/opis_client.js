#!/usr/bin/env node
// Send documents to an opis daemon and print the enriched records as JSON lines.
//
//   node opis_client.js --server HOST:PORT [--token T] [--stream] PATH...
//
// Each PATH is a file or a directory (read recursively). Without --stream
// every file is one Process call; with --stream all files go through one
// ProcessStream call. Records go to stdout, one JSON object per line;
// failures go to stderr, and the exit status is 1 when any document failed.
// The service definition is loaded at start-up from the repository's proto/
// folder, so there is no code generation step.
'use strict';

const fs = require('fs');
const path = require('path');
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');

const PROTO_ROOT = path.resolve(__dirname, '..', '..', '..', 'proto');
const USAGE =
  'usage: node opis_client.js --server HOST:PORT [--token T] [--stream] [--tls-ca FILE] ' +
  '[--timeout SECONDS] PATH...';

function parseArgs(argv) {
  const args = { stream: false, timeout: 60, paths: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
      return argv[++i];
    };
    if (a === '--server') args.server = value();
    else if (a === '--token') args.token = value();
    else if (a === '--tls-ca') args.tlsCa = value();
    else if (a === '--timeout') args.timeout = Number(value());
    else if (a === '--stream') args.stream = true;
    else if (a === '-h' || a === '--help') {
      console.log(USAGE);
      process.exit(0);
    } else if (a.startsWith('--')) throw new Error(`unknown option ${a}`);
    else args.paths.push(a);
  }
  if (!args.server || args.paths.length === 0) throw new Error(USAGE);
  return args;
}

function listFiles(p) {
  const stat = fs.statSync(p);
  if (!stat.isDirectory()) return [p];
  return fs
    .readdirSync(p)
    .filter((name) => !name.startsWith('.'))
    .sort()
    .flatMap((name) => listFiles(path.join(p, name)));
}

function loadService() {
  const definition = protoLoader.loadSync('opis/v1/archive_service.proto', {
    includeDirs: [PROTO_ROOT],
    keepCase: true, // proto field names, as in records.jsonl
    longs: String, // 64-bit integers as strings, as the protobuf JSON mapping does
    enums: String,
    defaults: false,
    oneofs: true,
  });
  return grpc.loadPackageDefinition(definition).opis.v1.ArchiveService;
}

function main() {
  let args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error(`opis_client: ${e.message}`);
    process.exit(2);
  }
  const ArchiveService = loadService();
  const credentials = args.tlsCa
    ? grpc.credentials.createSsl(fs.readFileSync(args.tlsCa))
    : grpc.credentials.createInsecure();
  const client = new ArchiveService(args.server, credentials, {
    'grpc.max_receive_message_length': 64 << 20,
    'grpc.max_send_message_length': 64 << 20,
  });
  const metadata = new grpc.Metadata();
  if (args.token) metadata.set('authorization', `Bearer ${args.token}`);
  const files = args.paths.flatMap(listFiles);
  const requestFor = (index, file) => ({
    request_id: String(index),
    content: fs.readFileSync(file),
    file_name: path.basename(file),
    source_uri: file,
  });
  const printRecords = (response) => {
    for (const record of response.records || []) process.stdout.write(JSON.stringify(record) + '\n');
  };
  const deadline = (calls) => new Date(Date.now() + args.timeout * 1000 * Math.max(1, calls));
  let failures = 0;
  const done = () => {
    client.close();
    process.exitCode = failures > 0 ? 1 : 0;
  };

  if (args.stream) {
    const call = client.ProcessStream(metadata, { deadline: deadline(files.length) });
    call.on('data', (response) => {
      if (response.error) {
        failures++;
        console.error(`opis_client: ${files[Number(response.request_id)]}: ${response.error.message}`);
      } else {
        printRecords(response);
      }
    });
    call.on('error', (e) => {
      failures++;
      console.error(`opis_client: stream failed: ${grpc.status[e.code]}: ${e.details}`);
      done();
    });
    call.on('end', done);
    files.forEach((file, i) => call.write(requestFor(i, file)));
    call.end();
    return;
  }

  // Unary calls one after the other, so the output follows the input order.
  const next = (i) => {
    if (i === files.length) return done();
    client.Process(requestFor(i, files[i]), metadata, { deadline: deadline(1) }, (e, response) => {
      if (e) {
        failures++;
        console.error(`opis_client: ${files[i]}: ${grpc.status[e.code]}: ${e.details}`);
      } else {
        printRecords(response);
      }
      next(i + 1);
    });
  };
  next(0);
}

main();
