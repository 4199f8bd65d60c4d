// Preloaded (NODE_OPTIONS=--require) into child processes under test: records every attempt to open a network
// connection or resolve a host name into the file named by ATRIUM_NETWORK_LOG, so a test can assert "offline".
const fs = require("node:fs");
const net = require("node:net");
const dns = require("node:dns");

const log = process.env.ATRIUM_NETWORK_LOG;
const record = (what) => {
  if (log) fs.appendFileSync(log, `${what}\n`);
};

const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function patchedConnect(...args) {
  const options = args[0];
  const target =
    typeof options === "object" && options !== null
      ? options.path || `${options.host}:${options.port}`
      : String(options);
  if (!String(target).startsWith("/")) record(`connect ${target}`);
  return connect.apply(this, args);
};

const lookup = dns.lookup;
dns.lookup = function patchedLookup(hostname, ...rest) {
  record(`lookup ${hostname}`);
  return lookup.call(this, hostname, ...rest);
};
