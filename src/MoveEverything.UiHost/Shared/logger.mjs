// Tagged logging (Move Everything for .NET shared library, own code): goes to the host log.
export function createLogger(tag) {
  const line = (level, args) => console[level](`[${tag}]`, ...args);
  return {
    log: (...a) => line('log', a),
    info: (...a) => line('info', a),
    warn: (...a) => line('warn', a),
    error: (...a) => line('error', a),
    debug: (...a) => line('debug', a),
  };
}
export function log(...args) { console.log(...args); }
export default createLogger;
