// Minimal stand-in for QuickJS's `std` module (Move Everything for .NET, own code).
// Only what modules were seen to use: loadFile and a tiny open() for reading/writing whole files.
// Everything goes through the host's confined file functions, so the module's folder rules apply.
export function loadFile(path) {
  return typeof host_read_file === 'function' ? host_read_file(path) : null;
}
export function open(path, mode) {
  const writing = typeof mode === 'string' && (mode.includes('w') || mode.includes('a'));
  let buffer = writing ? (mode.includes('a') ? (loadFile(path) ?? '') : '') : loadFile(path);
  if (buffer === null) return null;
  let pos = 0;
  return {
    readAsString() { const s = buffer.slice(pos); pos = buffer.length; return s; },
    getline() { if (pos >= buffer.length) return null; let end = buffer.indexOf('\n', pos); if (end < 0) end = buffer.length; const s = buffer.slice(pos, end); pos = end + 1; return s; },
    puts(s) { buffer += String(s); },
    printf(s) { buffer += String(s); },
    flush() { if (writing) host_write_file(path, buffer); },
    close() { if (writing) host_write_file(path, buffer); return 0; },
  };
}
export function getenv() { return undefined; }
export const err = { puts(s) { console.log(String(s)); } };
export const out = { puts(s) { console.log(String(s)); } };
