'use strict';
// Preloaded (NODE_OPTIONS=--require) into a process a test watches: appends to OUTBOUND_LOG the host
// of every name lookup and socket connection the process makes, one per line (IPC paths are left out).
const dns = require('node:dns');
const net = require('node:net');
const { appendFileSync } = require('node:fs');

const file = process.env.OUTBOUND_LOG;
const record = (host) => {
  if (file && typeof host === 'string') appendFileSync(file, `${host}\n`);
};

const lookup = dns.lookup;
dns.lookup = function (hostname, ...rest) {
  record(hostname);
  return lookup.call(this, hostname, ...rest);
};

const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (...args) {
  const [first, second] = Array.isArray(args[0]) ? args[0] : args;
  if (first && typeof first === 'object') {
    if (first.path === undefined || first.path === null) record(first.host ?? 'localhost');
  } else if (typeof first === 'number' || /^\d+$/.test(String(first))) {
    record(typeof second === 'string' ? second : 'localhost');
  }
  return connect.apply(this, args);
};
